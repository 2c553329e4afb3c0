import { z } from 'zod';
import { defineEvent } from './define-event';
import { at } from './event-bases';

const pence = () => z.number().int().describe('An amount in integer pence.');

export const InvoiceIssuedV1 = defineEvent({
  type: 'billing.invoice.issued.v1',
  visibility: 'public',
  description:
    'An invoice or credit note was issued with its number (sequential per organisation, no gaps); it never changes after this. The recipient is on the contract’s billing section; the PDF and CSV come from `GET /v1/invoices/{id}`.',
  schema: z
    .object({
      invoiceId: z.uuid().describe('The invoice or credit note.'),
      contractId: z.uuid().describe('The contract invoiced.'),
      kind: z.enum(['invoice', 'credit-note']).describe('An invoice, or a credit note correcting one.'),
      number: z.string().describe('Its number, e.g. `INV-000042`.'),
      creditsInvoiceId: z.uuid().nullable().describe('The invoice a credit note corrects; null for an invoice.'),
      periodFrom: z.iso.date().describe('First London day of the period invoiced.'),
      periodTo: z.iso.date().describe('The London day after the period invoiced.'),
      netPence: pence().describe('Net total, in pence (negative on a credit note).'),
      vatPence: pence().describe('VAT, in pence, shown separately.'),
      grossPence: pence().describe('Total with VAT, in pence.'),
      issuedAt: at().describe('When it was issued.'),
      dueOn: z.iso.date().describe('When payment is due (London date).'),
    })
    .describe('billing.invoice.issued.v1 data'),
});

export const SpendThresholdCrossedV1 = defineEvent({
  type: 'billing.spend.threshold-crossed.v1',
  visibility: 'public',
  description:
    'Spend under a contract crossed 75%, 90% or 100% of its yearly budget or its total cap; published once per threshold (per contract year for a budget), so the contract manager is told once.',
  schema: z
    .object({
      contractId: z.uuid().describe('The contract.'),
      thresholdPercent: z.union([z.literal(75), z.literal(90), z.literal(100)]).describe('The threshold crossed.'),
      limitKind: z.enum(['annual-budget', 'contract-cap']).describe('A yearly budget (seed 004: £250,000) or the contract’s total cap (seed 000: £2,000,000).'),
      limitPence: pence().describe('The budget or cap, in pence.'),
      spentPence: pence().describe('Spend counted against it when crossed, in pence.'),
      contractYearStart: z.iso.date().describe('The contract year (a budget) or the contract’s start (a cap) the spend is counted from.'),
      crossedAt: at().describe('When the spend that crossed it happened.'),
    })
    .describe('billing.spend.threshold-crossed.v1 data'),
});

/** Who billing writes to: an address, and a name when the contract gives one. Only internal events carry it. */
const BillingRecipientSchema = z.object({
  name: z.string().nullable().describe('Their name, when the contract gives one.'),
  email: z.email().describe('Their address.'),
});

export const InvoiceEmailRequestedV1 = defineEvent({
  type: 'billing.invoice.email-requested.v1',
  visibility: 'internal',
  description:
    'An invoice or credit note just issued is to be emailed to the contract’s invoice recipient (else the main buyer’s contact), in the transaction that issued it; notify sends it with the PDF, fetched from billing with `billing.get-invoice-file` when sending. Not published when the contract names nobody.',
  schema: InvoiceIssuedV1.schema
    .omit({ creditsInvoiceId: true })
    .extend({
      buyerName: z.string().describe('The buyer as printed on it.'),
      recipient: BillingRecipientSchema.describe('The invoice recipient printed on it.'),
    })
    .describe('billing.invoice.email-requested.v1 data'),
});

export const SpendAlertEmailRequestedV1 = defineEvent({
  type: 'billing.spend.alert-email-requested.v1',
  visibility: 'internal',
  description:
    'Spend crossed 75%, 90% or 100% of a contract’s budget or cap, and its contract manager is to be told; published beside `billing.spend.threshold-crossed.v1` in the same transaction, once per threshold, when the contract names a manager. Notify sends the email.',
  schema: SpendThresholdCrossedV1.schema
    .extend({
      reference: z.string().describe('The contract’s reference, quoted in the email.'),
      title: z.string().describe('The contract’s title.'),
      recipient: BillingRecipientSchema.describe('The contract manager.'),
    })
    .describe('billing.spend.alert-email-requested.v1 data'),
});

export const LedgerEntryRecordedV1 = defineEvent({
  type: 'billing.ledger.entry-recorded.v1',
  visibility: 'internal',
  description:
    'Billing appended an entry to a contract’s ledger (a case above N, a session held, an instalment, a milestone, a credit): what is spent under the contract and when. Reporting adds it up beside the KPIs. Once per entry, in the transaction that appended it; an entry of £0 (a case within the N an annual price covers) is not published.',
  schema: z
    .object({
      entryId: z.uuid().describe('The ledger entry; the same entry is never published twice.'),
      contractId: z.uuid().describe('The contract.'),
      serviceLine: z.string().describe('The service line key.'),
      kind: z.enum(['case', 'session', 'did-not-attend', 'instalment', 'milestone', 'credit']).describe('What was charged.'),
      amountPence: pence().describe('The amount, in pence (negative for a credit).'),
      occurredAt: at().describe('When what is charged happened (an instalment: its period’s first London day).'),
    })
    .describe('billing.ledger.entry-recorded.v1 data'),
});

/** v1 with the `activity` kind (a programme activity charged at its contract's price); v1 is still published for the kinds it knows. */
export const LedgerEntryRecordedV2 = defineEvent({
  type: 'billing.ledger.entry-recorded.v2',
  visibility: 'internal',
  description:
    'Billing appended an entry to a contract’s ledger (a case above N, a session held, an instalment, a milestone, a programme activity at its price, a credit): what is spent under the contract and when. Published beside v1 for every entry v1 can carry (the same entryId), alone for an `activity`; a consumer of both keeps one row per entryId. An entry of £0 is not published.',
  schema: LedgerEntryRecordedV1.schema
    .extend({
      kind: z
        .enum(['case', 'session', 'did-not-attend', 'instalment', 'milestone', 'activity', 'credit'])
        .describe('What was charged; `activity`: a programme activity (a workshop, a drop-in) at the price its contract sets per activity or per attendee.'),
    })
    .describe('billing.ledger.entry-recorded.v2 data'),
});
