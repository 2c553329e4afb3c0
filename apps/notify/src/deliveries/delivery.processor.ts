import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { UnrecoverableError } from 'bullmq';
import { MailRejectedError } from '../mail/mailer';
import { SendDeliveryUseCase, type SendDeliveryJob } from './send-delivery.use-case';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

/** A safety net behind the after-commit enqueue, so it need not run often: it cost a steady 0.13 cores at every second. */
const SWEEP_EVERY_MS = 15_000;

/** The BullMQ adapter for the deliveries queue: one job, one use-case. */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly sendDelivery: SendDeliveryUseCase,
    private readonly sweepDeliveries: SweepDeliveriesUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.jobs.startWorker(QUEUES.deliveries, {
      [Jobs.sendDelivery.name]: (data) => this.send(data as SendDeliveryJob),
      [Jobs.sweepDeliveries.name]: () => this.sweepDeliveries.execute(),
    });
    await this.jobs.schedule(Jobs.sweepDeliveries, 'sweep-deliveries', { every: SWEEP_EVERY_MS });
  }

  private async send(job: SendDeliveryJob): Promise<void> {
    try {
      await this.sendDelivery.execute(job);
    } catch (error) {
      // A refused message is recorded failed already; retrying would only be refused again.
      if (error instanceof MailRejectedError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
