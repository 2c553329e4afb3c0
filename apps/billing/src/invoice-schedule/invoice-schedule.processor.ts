import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { DeclareInvoiceSchedulesUseCase } from './declare-invoice-schedules.use-case';
import { DraftDueInvoiceUseCase } from './draft-due-invoice.use-case';

/** The BullMQ adapter: each contract's scheduled job drafts the invoice of the period just ended; at boot, every scheduler is declared again. */
@Injectable()
export class InvoiceScheduleProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(InvoiceScheduleProcessor.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly due: DraftDueInvoiceUseCase,
    private readonly schedules: DeclareInvoiceSchedulesUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.startWorker(QUEUES.invoices, { [Jobs.draftPeriodInvoice.name]: (data) => this.run(data as { organisationId: string; contractId: string }) }, 2);
    // Not awaited: boot does not wait on every tenant; a failure is logged and the next boot tries again.
    void this.schedules.execute().catch((error: Error) => this.logger.warn(`invoice schedulers not declared at boot: ${error.message}`));
  }

  async run(data: { organisationId: string; contractId: string }): Promise<void> {
    await this.due.execute(data.organisationId, data.contractId);
  }
}
