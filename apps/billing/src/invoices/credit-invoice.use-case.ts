import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { uuidv7, type InvoiceView, type RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { LedgerRepository } from '../ledger/ledger.repository';
import { vatOn } from '../pricing/vat';
import { visibleTo } from './invoice-access';
import { InvoiceRepository } from './invoice.repository';
import { invoiceView } from './invoice.view';
import { publishIssued } from './issue-invoice.use-case';
import { LedgerWriter } from '../ledger/ledger-writer';

/**
 * Corrects an issued (or paid) invoice: a credit note, issued at once with the next number of the CN
 * series, crediting the chosen lines in full at the invoice's VAT, and for each a credit entry in the
 * ledger pointing at the entry it corrects. A line is credited once (the credit's source key names it).
 * Emailed to the invoice's recipient as an invoice is (`publishIssued`).
 */
@Injectable()
export class CreditInvoiceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly invoices: InvoiceRepository,
    private readonly ledger: LedgerRepository,
    private readonly writer: LedgerWriter,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, input: { invoiceId: string; reason: string; lines?: number[] }): Promise<InvoiceView> {
    return this.db.forTenant(meta, async (tx) => {
      const { organisationId } = meta;
      const invoice = visibleTo(meta, await this.invoices.lock(tx, organisationId, input.invoiceId), input.invoiceId);
      if (invoice.kind !== 'invoice' || !['issued', 'paid'].includes(invoice.status)) {
        throw ProblemError.conflict(`Only an issued or paid invoice can be credited; ${invoice.number ?? invoice.id} is a ${invoice.status} ${invoice.kind}.`);
      }
      const unknown = (input.lines ?? []).filter((position) => !invoice.lines.some((line) => line.position === position));
      if (unknown.length) throw ProblemError.validation([{ field: 'lines', message: `the invoice has no line ${unknown.join(', ')}`, code: 'unknown-line' }]);
      const chosen = input.lines ? invoice.lines.filter((line) => input.lines!.includes(line.position)) : invoice.lines;

      const id = uuidv7();
      const now = this.clock.now();
      const entries = new Map(
        (
          await this.ledger.byIds(
            tx,
            chosen.flatMap((line) => (line.ledgerEntryId ? [line.ledgerEntryId] : [])),
          )
        ).map((e) => [e.id, e]),
      );
      const credits: { line: (typeof chosen)[number]; entryId: string }[] = [];
      for (const line of chosen) {
        const entry = line.ledgerEntryId ? entries.get(line.ledgerEntryId) : undefined;
        if (!entry) continue;
        const entryId = uuidv7();
        const appended = await this.writer.append(
          tx,
          {
            id: entryId,
            organisationId,
            contractId: entry.contractId,
            contractVersion: entry.contractVersion,
            serviceLine: entry.serviceLine,
            kind: 'credit',
            sourceKey: `credit:${line.id}`,
            caseId: entry.caseId,
            caseReference: entry.caseReference,
            description: `Credit: ${entry.description}`,
            amountPence: -entry.amountPence,
            occurredAt: now,
            contractYearStart: entry.contractYearStart,
            correctsEntryId: entry.id,
          },
          meta.correlationId,
        );
        if (appended) credits.push({ line, entryId });
      }
      if (credits.length === 0) throw ProblemError.conflict(`Every line chosen of invoice ${invoice.number} has been credited already.`);

      const netPence = -credits.reduce((sum, c) => sum + c.line.amountPence, 0);
      const vatPence = vatOn(netPence, { treatment: invoice.vatTreatment as 'exempt' | 'standard', rateBasisPoints: invoice.vatRateBp });
      await this.invoices.create(
        tx,
        {
          id,
          organisationId,
          contractId: invoice.contractId,
          contractVersion: invoice.contractVersion,
          kind: 'credit-note',
          // Drafted with its lines, then issued below: an issued document's lines cannot be added to.
          status: 'draft',
          periodFrom: invoice.periodFrom,
          periodTo: invoice.periodTo,
          netPence,
          vatPence,
          grossPence: netPence + vatPence,
          vatTreatment: invoice.vatTreatment,
          vatRateBp: invoice.vatRateBp,
          creditsInvoiceId: invoice.id,
          reason: input.reason,
          parties: invoice.parties as never,
          createdAt: now,
        },
        credits.map((c, index) => ({
          id: uuidv7(),
          position: index + 1,
          description: `Credit of line ${c.line.position} of ${invoice.number}: ${c.line.description}`,
          caseId: c.line.caseId,
          caseReference: c.line.caseReference,
          ledgerEntryId: c.entryId,
          amountPence: -c.line.amountPence,
        })),
      );
      await this.ledger.claim(
        tx,
        id,
        credits.map((c) => c.entryId),
      );
      const number = await this.invoices.nextNumber(tx, organisationId, 'CN');
      await this.invoices.update(tx, id, { status: 'issued', number, issuedAt: now, dueOn: new Date(`${londonDate(now)}T00:00:00Z`) });
      const issued = (await this.invoices.find(tx, organisationId, id))!;
      await publishIssued(this.publisher, tx, meta, issued);
      return invoiceView(issued);
    });
  }
}
