import { Injectable, Logger } from '@nestjs/common';
import { addDaysToDate, londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { InvoiceEmailRequestedV1, InvoiceIssuedV1, type InvoiceView, type RpcMeta } from '@mediation/protocol';
import { BillingDatabase, type BillingTx } from '../database/billing.database';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { visibleTo } from './invoice-access';
import { invoicePartiesOf } from './invoice-parties';
import { InvoiceRepository, type InvoiceWithLines } from './invoice.repository';
import { invoiceView } from './invoice.view';

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/**
 * Issues a draft: the next number of the organisation's INV series (taken in this transaction, so
 * no gaps), the parties as they stand (the organisation's profile must have arrived: never a
 * placeholder on an issued invoice), the due date, `billing.invoice.issued.v1` and the email to the
 * invoice recipient (`billing.invoice.email-requested.v1`, which notify sends). From here on the
 * invoice never changes (a trigger refuses it); a credit note corrects it.
 */
@Injectable()
export class IssueInvoiceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly invoices: InvoiceRepository,
    private readonly book: ContractBook,
    private readonly profiles: OrganisationProfileRepository,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, invoiceId: string): Promise<InvoiceView> {
    return this.db.forTenant(meta, async (tx) => {
      const invoice = visibleTo(meta, await this.invoices.lock(tx, meta.organisationId, invoiceId), invoiceId);
      if (invoice.status !== 'draft') throw ProblemError.conflict(`Invoice ${invoice.number ?? invoice.id} is ${invoice.status}; only a draft can be issued.`);
      const contract = await this.book.require(
        tx,
        { organisationId: meta.organisationId, contractId: invoice.contractId, contractVersion: invoice.contractVersion },
        meta.correlationId,
      );
      const profile = await this.profiles.find(tx, meta.organisationId);
      if (!profile)
        throw ProblemError.unavailable('Billing has not yet received the organisation’s profile (its name and address for the invoice); try again shortly.');
      const now = this.clock.now();
      const terms = contract.definition.billing?.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS;
      const number = await this.invoices.nextNumber(tx, meta.organisationId, 'INV');
      await this.invoices.update(tx, invoice.id, {
        status: 'issued',
        number,
        issuedAt: now,
        dueOn: new Date(`${addDaysToDate(londonDate(now), terms)}T00:00:00Z`),
        parties: invoicePartiesOf(contract.definition, profile) as never,
      });
      const issued = (await this.invoices.find(tx, meta.organisationId, invoice.id))!;
      await publishIssued(this.publisher, tx, meta, issued);
      return invoiceView(issued);
    });
  }
}

const logger = new Logger('IssueInvoice');

/**
 * `billing.invoice.issued.v1` for an invoice or credit note just issued, in its transaction, and beside it
 * `billing.invoice.email-requested.v1` for notify to email it (PDF attached) to the recipient printed on it:
 * both commit with the invoice or not at all, so an issued invoice's email cannot be lost. Nobody to send to:
 * logged, no email.
 */
export async function publishIssued(publisher: EventPublisher, tx: BillingTx, meta: RpcMeta, issued: InvoiceWithLines): Promise<void> {
  const view = invoiceView(issued);
  await publisher.append(tx, {
    definition: InvoiceIssuedV1,
    data: {
      invoiceId: view.id,
      contractId: view.contractId,
      kind: view.kind,
      number: view.number!,
      creditsInvoiceId: view.creditsInvoiceId,
      periodFrom: view.periodFrom,
      periodTo: view.periodTo,
      netPence: view.netPence,
      vatPence: view.vatPence,
      grossPence: view.grossPence,
      issuedAt: view.issuedAt!,
      dueOn: view.dueOn!,
    },
    subject: view.id,
    organisationId: meta.organisationId,
    contractId: view.contractId,
    sequence: 1,
    correlationId: meta.correlationId,
  });
  if (!view.buyer.email) return logger.warn(`${view.kind} ${view.number}: no invoice recipient on the contract; not emailed`);
  await publisher.append(tx, {
    definition: InvoiceEmailRequestedV1,
    data: {
      invoiceId: view.id,
      contractId: view.contractId,
      kind: view.kind,
      number: view.number!,
      periodFrom: view.periodFrom,
      periodTo: view.periodTo,
      netPence: view.netPence,
      vatPence: view.vatPence,
      grossPence: view.grossPence,
      dueOn: view.dueOn!,
      buyerName: view.buyer.name,
      recipient: { name: null, email: view.buyer.email },
      issuedAt: view.issuedAt!,
    },
    subject: view.id,
    organisationId: meta.organisationId,
    contractId: view.contractId,
    sequence: 2,
    correlationId: meta.correlationId,
  });
}
