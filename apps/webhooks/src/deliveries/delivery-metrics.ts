import { Injectable } from '@nestjs/common';
import { MetricsService } from '@mediation/platform';
import type { Counter } from 'prom-client';

/** Attempts per endpoint by outcome, and endpoints disabled: an on-call person sees which partner is failing before it is cut off. */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: Counter;
  private readonly disabled: Counter;

  constructor(metrics: MetricsService) {
    this.attempts = metrics.counter('webhook_delivery_attempts_total', 'Webhook delivery attempts, by endpoint id and outcome (delivered or failed)', [
      'endpoint',
      'outcome',
    ]);
    this.disabled = metrics.counter(
      'webhook_endpoints_disabled_total',
      'Webhook endpoints disabled by the platform, by reason (gone: 410; failing: failed too long)',
      ['reason'],
    );
  }

  attempted(endpointId: string, delivered: boolean): void {
    this.attempts.inc({ endpoint: endpointId, outcome: delivered ? 'delivered' : 'failed' });
  }

  endpointDisabled(reason: 'gone' | 'failing'): void {
    this.disabled.inc({ reason });
  }
}
