import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { DraftDueInvoiceUseCase } from './draft-due-invoice.use-case';

/** The BullMQ adapter: each contract's scheduled job drafts the invoice of the period just ended. */
@Injectable()
export class InvoiceScheduleProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly due: DraftDueInvoiceUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.startWorker(QUEUES.invoices, { [Jobs.draftPeriodInvoice.name]: (data) => this.run(data as { organisationId: string; contractId: string }) }, 2);
  }

  async run(data: { organisationId: string; contractId: string }): Promise<void> {
    await this.due.execute(data.organisationId, data.contractId);
  }
}
