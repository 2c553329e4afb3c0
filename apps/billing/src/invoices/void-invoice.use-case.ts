import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { InvoiceView, RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { LedgerRepository } from '../ledger/ledger.repository';
import { visibleTo } from './invoice-access';
import { InvoiceRepository } from './invoice.repository';
import { invoiceView } from './invoice.view';

/**
 * Voids a draft or an issued invoice (a paid one is corrected by a credit note). An issued invoice
 * keeps its number, so the series still has no gap; its ledger entries are released to be invoiced again.
 */
@Injectable()
export class VoidInvoiceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly invoices: InvoiceRepository,
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, input: { invoiceId: string; reason: string }): Promise<InvoiceView> {
    return this.db.forTenant(meta, async (tx) => {
      const invoice = visibleTo(meta, await this.invoices.lock(tx, meta.organisationId, input.invoiceId), input.invoiceId);
      if (invoice.kind !== 'invoice' || !['draft', 'issued'].includes(invoice.status)) {
        throw ProblemError.conflict(
          `${invoice.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${invoice.number ?? invoice.id} is ${invoice.status}; only a draft or issued invoice can be voided.`,
        );
      }
      await this.invoices.update(tx, invoice.id, { status: 'void', voidedAt: this.clock.now(), reason: input.reason });
      await this.ledger.release(tx, invoice.id);
      return invoiceView((await this.invoices.find(tx, meta.organisationId, invoice.id))!);
    });
  }
}
