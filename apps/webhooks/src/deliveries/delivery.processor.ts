import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES, type RunningJob } from '@mediation/jobs';
import { WEBHOOKS_CONFIG, type WebhooksConfig } from '../config/webhooks.config';
import { DeliverWebhookUseCase } from './deliver-webhook.use-case';
import { DeliveryLoader } from './delivery-loader';
import { SharedEndpointLanes } from './shared-endpoint-lanes';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

const SWEEP_EVERY_MS = 30_000;
/** How long a job for an endpoint at its limit waits before it asks again (plus jitter). */
const BUSY_ENDPOINT_WAIT_MS = 200;
/** The longest such wait (plus as much jitter): a slow partner's backlog is asked about at most every few seconds per job. */
const MAX_BUSY_WAIT_MS = 2_500;

type DeliverJob = { deliveryId: string; organisationId: string };

/** The BullMQ adapter for webhook deliveries: one attempt per run; a retry puts the same job back, delayed. */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  /** Which endpoint a delivery goes to, remembered so a busy endpoint's jobs wait without a query each time. */
  private readonly endpointOf = new Map<string, string>();
  /** How many of an endpoint's jobs are waiting in this process for a free slot. */
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly jobs: JobsService,
    private readonly deliver: DeliverWebhookUseCase,
    private readonly loader: DeliveryLoader,
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
    const cached = this.endpointOf.get(data.deliveryId);
    // Loaded once here and handed to the attempt, unless this job was seen before (then it is loaded fresh when it goes).
    const loaded = cached ? undefined : await this.loader.load(data.organisationId, data.deliveryId);
    const endpointId = cached ?? loaded?.endpointId;
    if (!endpointId) return;
    const slot = await this.lanes.tryEnter(endpointId);
    if (!slot) {
      if (this.endpointOf.size > 100_000) {
        // A job another replica finished leaves its entry here (and its count in `waiting`): start both again.
        this.endpointOf.clear();
        this.waiting.clear();
      }
      if (!cached) this.waiting.set(endpointId, (this.waiting.get(endpointId) ?? 0) + 1);
      this.endpointOf.set(data.deliveryId, endpointId);
      return job.runAgainAfter(this.busyWaitMs(endpointId));
    }
    if (cached) {
      this.endpointOf.delete(data.deliveryId);
      const left = (this.waiting.get(endpointId) ?? 1) - 1;
      if (left > 0) this.waiting.set(endpointId, left);
      else this.waiting.delete(endpointId);
    }
    let step;
    try {
      step = await this.deliver.execute(data, loaded ?? undefined);
    } finally {
      await this.lanes.leave(slot);
    }
    if (step.kind === 'retry') return job.runAgainAfter(step.delayMs);
  }

  /**
   * How long a job for an endpoint at its limit waits before it asks again: longer the more of its jobs are waiting
   * here (a slow partner's backlog), so hundreds of them do not spin through Redis several times a second each.
   */
  private busyWaitMs(endpointId: string): number {
    const waiting = this.waiting.get(endpointId) ?? 1;
    const base = Math.min(MAX_BUSY_WAIT_MS, BUSY_ENDPOINT_WAIT_MS * Math.max(1, waiting / this.config.WEBHOOKS_ENDPOINT_CONCURRENCY));
    return Math.floor(base + Math.random() * base);
  }
}
