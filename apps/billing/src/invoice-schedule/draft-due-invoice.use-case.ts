import { Injectable, Logger } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import type { InvoiceView } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { DraftInvoiceUseCase } from '../invoices/draft-invoice.use-case';
import { invoiceFrequencyOf, previousBillingPeriod } from '../pricing/billing-calendar';

/**
 * The scheduled draft: on a period's first day, the invoice of the period just ended, under the
 * contract's latest version. Nothing for a period outside the contract's term; a period already
 * invoiced, or with nothing to invoice, is left as it is (the job may run twice, or late).
 */
@Injectable()
export class DraftDueInvoiceUseCase {
  private readonly logger = new Logger(DraftDueInvoiceUseCase.name);

  constructor(
    private readonly db: BillingDatabase,
    private readonly book: ContractBook,
    private readonly draft: DraftInvoiceUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(organisationId: string, contractId: string): Promise<InvoiceView | null> {
    const correlationId = `invoice-schedule-${contractId}`;
    const contract = await this.db.forTenant(organisationId, (tx) => this.book.latest(tx, organisationId, contractId, correlationId));
    if (!contract) return null;
    const { period } = contract.definition;
    const due = previousBillingPeriod(period?.start, invoiceFrequencyOf(contract.definition), londonDate(this.clock.now()));
    if ((period?.start && due.to <= period.start) || (period?.end && due.from > period.end)) return null;
    try {
      return await this.draft.execute(
        { organisationId, actorId: 'billing:invoice-schedule', actorType: 'system', correlationId },
        { contractId, periodContaining: due.from },
      );
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 409) {
        this.logger.log(`contract ${contractId}, period from ${due.from}: ${error.message}`);
        return null;
      }
      throw error;
    }
  }
}
