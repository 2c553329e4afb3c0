import { z } from 'zod';

const pence = () => z.number().int().describe('An amount in integer pence.');
const londonDate = () => z.iso.date().describe('A London calendar date (YYYY-MM-DD).');

export const INVOICE_STATUSES = ['draft', 'issued', 'paid', 'void'] as const;
export const InvoiceStatusSchema = z
  .enum(INVOICE_STATUSES)
  .describe('draft: being prepared, may be voided; issued: numbered and immutable; paid; void: cancelled (an issued one keeps its number).');

export const InvoiceLineViewSchema = z
  .object({
    position: z.number().int().positive().describe('Line number on the invoice, from 1.'),
    description: z.string().describe('What is charged, e.g. `Case H-0004 (case 4, above the 3 included, at £1,350.00)`.'),
    caseId: z.uuid().nullable().describe('The case charged for; null for an instalment.'),
    caseReference: z.string().nullable().describe('The case reference; null for an instalment.'),
    amountPence: pence().describe('Net amount of the line, in pence (negative on a credit note).'),
  })
  .describe('One line of an invoice.');

const PartySchema = z
  .object({
    name: z.string().describe('Name.'),
    address: z.array(z.string()).describe('Postal address, one line per entry; empty when not given.'),
    vatNumber: z.string().nullable().describe('VAT registration number, when given.'),
    email: z.string().nullable().describe('Where invoices are sent (the buyer’s invoice recipient); null for the seller.'),
  })
  .describe('A party to the invoice.');

export const InvoiceViewSchema = z
  .object({
    id: z.uuid().describe('The invoice or credit note.'),
    contractId: z.uuid().describe('The contract invoiced.'),
    contractVersion: z.number().int().positive().describe('The contract version whose terms (VAT, parties) it was drafted under.'),
    kind: z.enum(['invoice', 'credit-note']).describe('An invoice, or a credit note correcting one.'),
    status: InvoiceStatusSchema,
    number: z.string().nullable().describe('`INV-000001` or `CN-000001`, sequential per organisation with no gaps; null while a draft.'),
    periodFrom: londonDate().describe('First London day of the period.'),
    periodTo: londonDate().describe('The London day after the period.'),
    netPence: pence().describe('Net total, in pence.'),
    vatPence: pence().describe('VAT, in pence, shown separately.'),
    grossPence: pence().describe('Total with VAT, in pence.'),
    vat: z
      .object({
        treatment: z.enum(['exempt', 'standard']).describe('exempt or standard rate.'),
        rateBasisPoints: z.number().int().describe('The rate in basis points (2000 = 20%); 0 when exempt.'),
      })
      .describe('The VAT applied.'),
    creditsInvoiceId: z.uuid().nullable().describe('For a credit note, the invoice it corrects.'),
    reason: z.string().nullable().describe('Why a credit note was raised or an invoice voided.'),
    seller: PartySchema,
    buyer: PartySchema,
    lines: z.array(InvoiceLineViewSchema).describe('The lines, in order.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When drafted.'),
    issuedAt: z.iso.datetime({ offset: true }).nullable().describe('When issued.'),
    dueOn: londonDate().nullable().describe('When payment is due.'),
    paidAt: z.iso.datetime({ offset: true }).nullable().describe('When recorded as paid.'),
    voidedAt: z.iso.datetime({ offset: true }).nullable().describe('When voided.'),
  })
  .describe('An invoice or credit note.');
export type InvoiceView = z.infer<typeof InvoiceViewSchema>;

export const InvoiceListSchema = z.object({ items: z.array(InvoiceViewSchema).describe('The invoices, newest period first.') }).describe('Invoices.');
export type InvoiceList = z.infer<typeof InvoiceListSchema>;

export const InvoiceIdParamsSchema = z.object({ id: z.uuid().describe('The invoice id.') }).describe('Path parameters.');

export const ListInvoicesQuerySchema = z
  .object({
    contractId: z.uuid().optional().describe('Only this contract’s invoices.'),
    status: InvoiceStatusSchema.optional(),
    from: londonDate().optional().describe('Only invoices whose period ends after this London day.'),
    to: londonDate().optional().describe('Only invoices whose period starts on or before this London day.'),
  })
  .strict()
  .describe('Filters for the invoice list.');
export type ListInvoicesQuery = z.infer<typeof ListInvoicesQuerySchema>;

export const DraftInvoiceBodySchema = z
  .object({
    periodContaining: londonDate()
      .optional()
      .describe(
        'Any London day of the billing period to invoice (the contract’s monthly, quarterly or yearly period holding it); today’s period when omitted.',
      ),
  })
  .strict()
  .describe('Draft the invoice for one billing period of a contract now.');
export type DraftInvoiceBody = z.infer<typeof DraftInvoiceBodySchema>;

export const VoidInvoiceBodySchema = z
  .object({ reason: z.string().trim().min(1).max(1000).describe('Why it is voided.') })
  .strict()
  .describe('Void a draft or an issued invoice (an issued one keeps its number).');

export const InvoicePaymentBodySchema = z
  .object({
    paidAt: z.iso.datetime({ offset: true }).optional().describe('When the buyer paid (from the bank statement); now when omitted. Not in the future.'),
  })
  .strict()
  .describe('Record that an issued invoice was paid in full.');
export type InvoicePaymentBody = z.infer<typeof InvoicePaymentBodySchema>;

export const CreditNoteBodySchema = z
  .object({
    reason: z.string().trim().min(1).max(1000).describe('Why the invoice is corrected.'),
    lines: z
      .array(z.number().int().positive())
      .min(1)
      .max(1000)
      .optional()
      .describe('The positions of the invoice lines credited in full; every line when omitted.'),
  })
  .strict()
  .describe('Correct an issued invoice with a credit note: issued at once, numbered in its own series, and a credit entry in the ledger for each line.');
export type CreditNoteBody = z.infer<typeof CreditNoteBodySchema>;

export const InvoiceFileSchema = z
  .object({
    filename: z.string().describe('The file name.'),
    contentType: z.enum(['application/pdf', 'text/csv']).describe('The media type.'),
    base64: z.string().describe('The file, base64-encoded.'),
  })
  .describe('An invoice rendered as a PDF or CSV.');
export type InvoiceFile = z.infer<typeof InvoiceFileSchema>;

export const ContractBillingViewSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    contractYear: z.object({ from: londonDate(), to: londonDate() }).describe('The contract year now (to: the day after it ends).'),
    spentThisYearPence: pence().describe('Net spend recorded this contract year (credits deducted), in pence.'),
    limit: z
      .object({
        kind: z.enum(['annual-budget', 'contract-cap']).describe('A yearly budget, or the total cap over the contract’s life.'),
        pence: pence().describe('The budget or cap.'),
        spentPence: pence().describe('Spend counted against it.'),
        usedPercent: z.number().describe('Spend as a percentage of it, to one decimal place.'),
        remainingPence: pence().describe('What is left (negative when exceeded).'),
        minimumPence: pence().nullable().describe('The minimum the buyer committed to, when the contract names one (seed 000: £500,000).'),
      })
      .nullable()
      .describe('The budget or cap spend is measured against; null when the contract has neither.'),
    cases: z
      .object({
        used: z.number().int().describe('Cases counted this contract year.'),
        included: z.number().int().describe('Cases the annual price covers (N).'),
      })
      .nullable()
      .describe('Cases used of N, for a fixed-per-year line; null otherwise.'),
    overagePence: pence().describe('Charged this year above the included cases (fixed-per-year), in pence.'),
    activitiesPence: pence().describe(
      'Charged this year for programme activities at their contract’s price (workshops, drop-ins), in pence, credits deducted.',
    ),
    forecast: z
      .object({
        growthPercent: z.number().describe('The growth assumption applied to the run rate for the rest of the year.'),
        runRatePencePerDay: z.number().describe('Average spend per day so far this contract year.'),
        yearEndPence: pence().describe('Spend expected by the end of the contract year.'),
        daysElapsed: z.number().int().describe('Days of the contract year gone, today included.'),
        daysInYear: z.number().int().describe('Days in the contract year.'),
      })
      .describe('Spend to year end from the run rate so far and a growth assumption.'),
    thresholdsCrossed: z.array(z.number().int()).describe('Thresholds (75, 90, 100) already crossed, each warned once.'),
  })
  .describe('A contract’s spend this contract year against its budget or cap, with a forecast.');
export type ContractBillingView = z.infer<typeof ContractBillingViewSchema>;

export const ContractBillingQuerySchema = z
  .object({
    growthPercent: z.coerce
      .number()
      .min(-100)
      .max(1000)
      .optional()
      .describe('Growth assumed on the run rate for the rest of the year, in percent (seed 004: volumes grew from 111 to 330 a year); 0 when omitted.'),
  })
  .strict()
  .describe('Query of a contract’s billing position.');
export type ContractBillingQuery = z.infer<typeof ContractBillingQuerySchema>;

export const ACTIVITY_PRICE_UNITS = ['activity', 'attendee'] as const;

/**
 * What one programme activity of a type costs the buyer (seed 002's pre-CMH pilot runs workshops and drop-ins; its notice
 * gives no per-workshop figure, so the provider sets it). Per-contract data kept by billing beside the definition, which rides
 * in the pinned `intake.contract.published.v2`.
 */
export const ActivityPriceBodySchema = z
  .object({
    pricePence: z.number().int().min(0).max(100_000_000).describe('The price, in integer pence (£350.00 = 35000); 0 charges nothing.'),
    per: z
      .enum(ACTIVITY_PRICE_UNITS)
      .default('activity')
      .describe('`activity`: the price once per activity delivered (per workshop); `attendee`: the price times everyone who attended it.'),
  })
  .strict()
  .describe('The price of an activity type of a service line, charged for each activity of it delivered from now on.');
export type ActivityPriceBody = z.infer<typeof ActivityPriceBodySchema>;

export const ActivityPriceViewSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line key.'),
    activityType: z.string().describe('The activity type (a session type of the line), e.g. `workshop`.'),
    pricePence: pence().nullable().describe('The price, in pence; null when the type is not priced (its activities charge nothing).'),
    per: z.enum(ACTIVITY_PRICE_UNITS).nullable().describe('Per activity or per attendee; null when not priced.'),
    updatedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was last set; null when never.'),
  })
  .describe('The price of an activity type.');
export type ActivityPriceView = z.infer<typeof ActivityPriceViewSchema>;
