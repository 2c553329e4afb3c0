import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import type { BillingEmailJob } from '../mail/billing-emails';
import { SendBillingEmailUseCase } from './send-billing-email.use-case';

/** The BullMQ adapter for billing's emails: each job one message, retried with backoff by BullMQ. */
@Injectable()
export class BillingEmailProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly send: SendBillingEmailUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.startWorker(QUEUES.billingEmails, { [Jobs.sendBillingEmail.name]: (data, jobId) => this.send.execute(data as BillingEmailJob, jobId) }, 2);
  }
}
