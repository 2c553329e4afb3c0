import { Injectable, Logger } from '@nestjs/common';
import { Jobs, JobsService } from '@mediation/jobs';
import { onCommit } from '@mediation/platform';
import type { z } from 'zod';

export type BillingEmailJob = z.input<typeof Jobs.sendBillingEmail.schema>;

/**
 * Queues an email once the transaction that caused it commits (an issued invoice, a threshold crossed),
 * under a job id named after what it is about, so the same email is queued once. Best effort after commit:
 * a process dying between the commit and the enqueue loses that email (there is no sweeper yet).
 */
@Injectable()
export class BillingEmails {
  private readonly logger = new Logger(BillingEmails.name);

  constructor(private readonly jobs: JobsService) {}

  afterCommit(tx: object, job: BillingEmailJob, jobKey: string): void {
    const enqueue = () =>
      void this.jobs
        .add(Jobs.sendBillingEmail, job, { jobId: `billing-email-${jobKey}`, attempts: 8, backoff: { type: 'exponential', delay: 5_000 } })
        .catch((error: Error) => this.logger.warn(`billing email ${jobKey} not queued: ${error.message}`));
    if (!onCommit(tx, enqueue)) enqueue();
  }
}
