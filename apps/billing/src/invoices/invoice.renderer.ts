import { addDaysToDate } from '@mediation/calendar';
import { calendarDay, keyValues, paragraph, renderDocument, section, table, type DocumentSpec } from '@mediation/documents';
import type { InvoiceView } from '@mediation/protocol';
import { decimalPounds, pounds } from './money';
import { toCsv } from './csv';

const LINES = [
  { title: '#', width: 0.06 },
  // The case column holds a whole reference (REF-2026-000025) on one line.
  { title: 'Description', width: 0.52 },
  { title: 'Case', width: 0.24 },
  { title: 'Net', width: 0.18 },
];

const vatLabel = (invoice: InvoiceView) =>
  invoice.vat.treatment === 'exempt' ? 'VAT (exempt)' : `VAT at ${(invoice.vat.rateBasisPoints / 100).toLocaleString('en-GB')}%`;

/** An invoice or credit note as a document: who invoices whom, the lines with their case references, and the totals with VAT shown separately. */
export function invoiceDocument(invoice: InvoiceView): DocumentSpec {
  const credit = invoice.kind === 'credit-note';
  const title = credit ? 'Credit note' : invoice.status === 'draft' ? 'Draft invoice' : 'Invoice';
  const reference = invoice.number ?? `DRAFT ${invoice.id.slice(0, 8)}`;
  const lastDay = addDaysToDate(invoice.periodTo, -1);
  return {
    organisation: { name: invoice.seller.name, address: invoice.seller.address.length ? invoice.seller.address : null },
    title,
    subtitle: [`${reference}${invoice.status === 'void' ? ' (VOID)' : ''}`],
    reference,
    subject: `${title} ${reference}`,
    issuedAt: new Date(invoice.issuedAt ?? invoice.createdAt),
    body: [
      section(
        'From',
        keyValues([
          ['Supplier', invoice.seller.name],
          ['Address', invoice.seller.address.join(', ') || 'Not given'],
          ['VAT number', invoice.seller.vatNumber ?? 'Not VAT registered for this supply'],
        ]),
      ),
      section(
        'To',
        keyValues([
          ['Buyer', invoice.buyer.name],
          ['Sent to', invoice.buyer.email ?? 'Not given'],
        ]),
      ),
      section(
        'Details',
        keyValues([
          [credit ? 'Credit note number' : 'Invoice number', invoice.number ?? 'Not yet issued'],
          ['Issued', invoice.issuedAt ? calendarDay(invoice.issuedAt.slice(0, 10)) : 'Not yet issued'],
          ['Period', `${calendarDay(invoice.periodFrom)} to ${calendarDay(lastDay)}`],
          ...(invoice.dueOn ? ([['Payment due', calendarDay(invoice.dueOn)]] as [string, string][]) : []),
          ...(invoice.reason ? ([[credit ? 'Reason' : 'Voided because', invoice.reason]] as [string, string][]) : []),
        ]),
      ),
      section(
        'Lines',
        table(
          LINES,
          invoice.lines.map((line) => [String(line.position), line.description, line.caseReference ?? '', pounds(line.amountPence)]),
          'No lines.',
        ),
      ),
      section(
        'Totals',
        keyValues([
          ['Net', pounds(invoice.netPence)],
          [vatLabel(invoice), pounds(invoice.vatPence)],
          [credit ? 'Total credited' : 'Total due', pounds(invoice.grossPence)],
        ]),
        paragraph('All amounts in pounds sterling (GBP).', 'muted'),
      ),
    ],
  };
}

export const renderInvoicePdf = (invoice: InvoiceView): Promise<Buffer> => renderDocument(invoiceDocument(invoice));

/** One row per line, then the totals, in pounds with two decimals (exact from pence): what finance imports into its ledger. */
export function renderInvoiceCsv(invoice: InvoiceView): string {
  const head = ['number', 'kind', 'status', 'period_from', 'period_to', 'line', 'description', 'case_reference', 'net_gbp', 'vat_gbp', 'gross_gbp'];
  const base = [invoice.number ?? '', invoice.kind, invoice.status, invoice.periodFrom, addDaysToDate(invoice.periodTo, -1)];
  const rows = invoice.lines.map((line) => [
    ...base,
    String(line.position),
    line.description,
    line.caseReference ?? '',
    decimalPounds(line.amountPence),
    '',
    '',
  ]);
  rows.push([...base, 'total', 'Total', '', decimalPounds(invoice.netPence), decimalPounds(invoice.vatPence), decimalPounds(invoice.grossPence)]);
  return toCsv([head, ...rows]);
}
