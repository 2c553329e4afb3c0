import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { EndpointDisabledV1 } from '@mediation/protocol';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { checkEndpointUrl } from '../endpoints/endpoint-url.rule';
import { EndpointRepository, type EndpointRow } from '../endpoints/endpoint.repository';
import { signatureHeader } from '../endpoints/signing-secret';
import { AttemptLog } from './attempt-log';
import { DeliveryLoader } from './delivery-loader';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryRepository, type DeliveryWithEndpoint } from './delivery.repository';
import { nextRetryDelayMs } from './retry-schedule';
import { postWebhook, type SentAttempt } from './webhook-sender';

export type DeliveryStep = { kind: 'done' } | { kind: 'retry'; delayMs: number };

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

/**
 * One attempt of one delivery, signed per Standard Webhooks. Any 2xx delivers it; 410 disables the endpoint at
 * once; anything else (other statuses, timeouts, refused addresses) is retried on the schedule, and an endpoint
 * that has failed for WEBHOOKS_DISABLE_AFTER_MS is disabled.
 */
@Injectable()
export class DeliverWebhookUseCase {
  private readonly logger = new Logger('Deliveries');

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly endpoints: EndpointRepository,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
    private readonly log: AttemptLog,
    private readonly loader: DeliveryLoader,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
    private readonly metrics: DeliveryMetrics,
  ) {}

  /** `loaded`: the delivery with its endpoint when the caller has just read it. */
  async execute(job: { deliveryId: string; organisationId: string }, loaded?: DeliveryWithEndpoint): Promise<DeliveryStep> {
    const { organisationId, deliveryId } = job;
    const delivery = loaded ?? (await this.loader.load(organisationId, deliveryId));
    if (!delivery || delivery.status !== 'pending') return { kind: 'done' };
    const { endpoint } = delivery;
    if (endpoint.status !== 'active') {
      await this.deliveries.giveUp(organisationId, deliveryId);
      return { kind: 'done' };
    }
    const at = this.clock.now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const secrets = [
      endpoint.secret,
      ...(endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at ? [endpoint.previousSecret] : []),
    ];
    const headers = {
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(secrets, delivery.messageId, timestamp, delivery.body),
    };
    const sent = await this.send(endpoint.url, headers, delivery.body);
    const attempt = { at, ...sent };
    this.metrics.attempted(endpoint.id, isSuccess(sent.statusCode));

    if (isSuccess(sent.statusCode)) {
      await this.log.record(organisationId, deliveryId, attempt, { status: 'delivered', nextAttemptAt: null });
      if (endpoint.failingSince) await this.endpoints.markHealthy(organisationId, endpoint.id);
      return { kind: 'done' };
    }
    if (sent.statusCode === 410) {
      // The partner says this endpoint is gone for good: stop at once rather than retry for days.
      await this.log.record(organisationId, deliveryId, attempt, { status: 'failed', nextAttemptAt: null });
      if (await this.disable(endpoint, 'gone', attempt, deliveryId)) {
        this.metrics.endpointDisabled('gone');
        this.logger.warn(`webhook ${endpoint.id} answered 410 Gone: disabled`);
      }
      return { kind: 'done' };
    }
    const failing = await this.endpoints.markFailing(organisationId, endpoint.id, at);
    if (failing?.failingSince && at.getTime() - failing.failingSince.getTime() >= this.config.WEBHOOKS_DISABLE_AFTER_MS) {
      await this.log.record(organisationId, deliveryId, attempt, { status: 'failed', nextAttemptAt: null });
      if (await this.disable(failing, 'failing', attempt, deliveryId)) {
        this.metrics.endpointDisabled('failing');
        this.logger.warn(`webhook ${endpoint.id} of organisation ${organisationId} failing since ${failing.failingSince.toISOString()}: disabled`);
      }
      return { kind: 'done' };
    }
    const delayMs = nextRetryDelayMs(this.config.WEBHOOKS_RETRY_DELAYS_MS, delivery.attemptCount + 1);
    if (delayMs === undefined) {
      await this.log.record(organisationId, deliveryId, attempt, { status: 'failed', nextAttemptAt: null });
      return { kind: 'done' };
    }
    await this.log.record(organisationId, deliveryId, attempt, { status: 'pending', nextAttemptAt: new Date(at.getTime() + delayMs) });
    return { kind: 'retry', delayMs };
  }

  /**
   * Disables the endpoint and, in the same transaction, appends webhooks.endpoint.disabled.v1, from which notify
   * emails the organisation's provider-admins; false when another attempt disabled it first (one event, one email).
   */
  private disable(endpoint: EndpointRow, reason: 'gone' | 'failing', attempt: { at: Date; statusCode: number | null }, deliveryId: string): Promise<boolean> {
    const { at } = attempt;
    return this.endpoints.disable(endpoint.organisationId, endpoint.id, reason, at, (tx, disabled) =>
      this.events.append(tx, {
        definition: EndpointDisabledV1,
        data: {
          endpointId: disabled.id,
          url: disabled.url,
          description: disabled.description,
          reason,
          failingSince: reason === 'failing' && disabled.failingSince ? disabled.failingSince.toISOString() : null,
          lastStatusCode: attempt.statusCode,
          disabledAt: at.toISOString(),
        },
        subject: disabled.id,
        organisationId: disabled.organisationId,
        // The endpoint keeps no version; the time it was disabled only grows (it can be enabled and disabled again).
        sequence: at.getTime(),
        correlationId: deliveryId,
      }),
    );
  }

  /** The URL is checked again before every attempt: an address refused now is a failed attempt, retried like any other. */
  private async send(rawUrl: string, headers: Record<string, string>, body: string): Promise<SentAttempt> {
    const allowLoopback = this.config.WEBHOOKS_ALLOW_HTTP_LOCALHOST;
    let url: URL;
    try {
      url = await checkEndpointUrl(rawUrl, allowLoopback);
    } catch (error) {
      const message = error instanceof ProblemError ? (error.problem.errors?.[0]?.message ?? error.message) : (error as Error).message;
      return { statusCode: null, durationMs: 0, responseBody: null, error: `refused: ${message}` };
    }
    return postWebhook(url, headers, body, { timeoutMs: this.config.WEBHOOKS_TIMEOUT_MS, allowLoopback });
  }
}
