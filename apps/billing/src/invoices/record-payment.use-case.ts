import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { InvoiceView, RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { visibleTo } from './invoice-access';
import { InvoiceRepository } from './invoice.repository';
import { invoiceView } from './invoice.view';

/** An issued invoice paid in full: issued -> paid, with when; the only change an issued invoice takes besides voiding. */
@Injectable()
export class RecordPaymentUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly invoices: InvoiceRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, input: { invoiceId: string; paidAt?: string }): Promise<InvoiceView> {
    const now = this.clock.now();
    const paidAt = input.paidAt ? new Date(input.paidAt) : now;
    if (paidAt > now) throw ProblemError.validation([{ field: 'paidAt', message: 'must not be in the future', code: 'in-future' }]);
    return this.db.forTenant(meta, async (tx) => {
      const invoice = visibleTo(meta, await this.invoices.lock(tx, meta.organisationId, input.invoiceId), input.invoiceId);
      if (invoice.kind !== 'invoice' || invoice.status !== 'issued') {
        throw ProblemError.conflict(`Only an issued invoice can be paid; ${invoice.number ?? invoice.id} is a ${invoice.status} ${invoice.kind}.`);
      }
      if (invoice.issuedAt && paidAt < invoice.issuedAt)
        throw ProblemError.validation([{ field: 'paidAt', message: 'must not be before the invoice was issued', code: 'before-issue' }]);
      await this.invoices.update(tx, invoice.id, { status: 'paid', paidAt });
      return invoiceView((await this.invoices.find(tx, meta.organisationId, invoice.id))!);
    });
  }
}
