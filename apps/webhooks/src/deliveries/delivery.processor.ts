import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES, type RunningJob } from '@mediation/jobs';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { DeliverWebhookUseCase } from './deliver-webhook.use-case';
import { DeliveryRepository } from './delivery.repository';
import { SharedEndpointLanes } from './shared-endpoint-lanes';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

const SWEEP_EVERY_MS = 30_000;
/** How long a job for an endpoint at its limit waits before it asks again (plus jitter). */
const BUSY_ENDPOINT_WAIT_MS = 200;

type DeliverJob = { deliveryId: string; organisationId: string };

/** The BullMQ adapter for webhook deliveries: one attempt per run; a retry puts the same job back, delayed. */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  /** Which endpoint a delivery goes to, remembered so a busy endpoint's jobs wait without a query each time. */
  private readonly endpointOf = new Map<string, string>();

  constructor(
    private readonly jobs: JobsService,
    private readonly deliver: DeliverWebhookUseCase,
    private readonly deliveries: DeliveryRepository,
    private readonly sweep: SweepDeliveriesUseCase,
    private readonly lanes: SharedEndpointLanes,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(
      QUEUES.webhookDeliveries,
      {
        [Jobs.deliverWebhook.name]: (data, _id, job) => this.run(data as DeliverJob, job),
        [Jobs.sweepWebhookDeliveries.name]: () => this.sweep.execute(),
      },
      this.config.WEBHOOKS_CONCURRENCY,
    );
    await this.jobs.schedule(Jobs.sweepWebhookDeliveries, 'sweep-webhook-deliveries', { every: SWEEP_EVERY_MS });
  }

  private async run(data: DeliverJob, job: RunningJob): Promise<void> {
    const endpointId = this.endpointOf.get(data.deliveryId) ?? (await this.deliveries.withEndpoint(data.organisationId, data.deliveryId))?.endpointId;
    if (!endpointId) return;
    const slot = await this.lanes.tryEnter(endpointId);
    if (!slot) {
      if (this.endpointOf.size > 100_000) this.endpointOf.clear(); // a job another replica finished leaves its entry here
      this.endpointOf.set(data.deliveryId, endpointId);
      return job.runAgainAfter(BUSY_ENDPOINT_WAIT_MS + Math.floor(Math.random() * BUSY_ENDPOINT_WAIT_MS));
    }
    this.endpointOf.delete(data.deliveryId);
    let step;
    try {
      step = await this.deliver.execute(data);
    } finally {
      await this.lanes.leave(slot);
    }
    if (step.kind === 'retry') return job.runAgainAfter(step.delayMs);
  }
}
