import { InvoiceViewSchema, type InvoiceView } from '@mediation/protocol';
import type { InvoiceWithLines } from './invoice.repository';
import type { InvoiceParties } from './invoice-parties';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An invoice row as the API shows it, parsed by the protocol schema on the way out. */
export function invoiceView(row: InvoiceWithLines): InvoiceView {
  const parties = row.parties as unknown as InvoiceParties;
  return InvoiceViewSchema.parse({
    id: row.id,
    contractId: row.contractId,
    contractVersion: row.contractVersion,
    kind: row.kind,
    status: row.status,
    number: row.number,
    periodFrom: day(row.periodFrom),
    periodTo: day(row.periodTo),
    netPence: row.netPence,
    vatPence: row.vatPence,
    grossPence: row.grossPence,
    vat: { treatment: row.vatTreatment, rateBasisPoints: row.vatRateBp },
    creditsInvoiceId: row.creditsInvoiceId,
    reason: row.reason,
    seller: parties.seller,
    buyer: parties.buyer,
    lines: row.lines.map((line) => ({
      position: line.position,
      description: line.description,
      caseId: line.caseId,
      caseReference: line.caseReference,
      amountPence: line.amountPence,
    })),
    createdAt: row.createdAt.toISOString(),
    issuedAt: iso(row.issuedAt),
    dueOn: day(row.dueOn),
    paidAt: iso(row.paidAt),
    voidedAt: iso(row.voidedAt),
  });
}
