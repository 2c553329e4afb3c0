import { z } from 'zod';
import { PenceSchema } from './basis.schema';

/** VAT on what the contract invoices: a buyer pays it on a standard-rated supply; an exempt supply shows none. */
export const VatSchema = z
  .object({
    treatment: z.enum(['exempt', 'standard']).describe('exempt: no VAT is charged; standard: VAT at `rateBasisPoints` is added to each invoice.'),
    rateBasisPoints: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('The rate in basis points (2000 = 20%); the UK standard rate, 2000, when omitted. Ignored when exempt.'),
  })
  .strict()
  .describe('How VAT applies to the contract’s invoices; shown separately on every invoice.');
export type Vat = z.infer<typeof VatSchema>;

const BillingContactSchema = z
  .object({
    name: z.string().trim().max(200).optional().describe('Their name.'),
    email: z.email().max(320).describe('Their email address.'),
  })
  .strict();

/** What billing needs beyond each line's price: VAT, when invoices are drafted, to whom, and the minimum the buyer committed to. */
export const ContractBillingSchema = z
  .object({
    vat: VatSchema.optional(),
    invoiceFrequency: z
      .enum(['monthly', 'quarterly', 'yearly'])
      .optional()
      .describe('How often invoices are drafted; a block contract line’s own frequency, else monthly, when omitted.'),
    minimumValuePence: PenceSchema.optional().describe('The least the buyer committed to spend over the contract, in pence (seed 000: £500,000).'),
    invoiceRecipient: BillingContactSchema.optional().describe('Who receives the issued invoices (the buyer’s accounts payable).'),
    contractManager: BillingContactSchema.optional().describe('Who is told when spend crosses 75%, 90% and 100% of the budget or cap.'),
    supplierVatNumber: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[0-9A-Z ]{5,20}$/, 'must be a VAT registration number such as GB123456789')
      .optional()
      .describe('The provider’s VAT registration number printed on its invoices (required to charge VAT at the standard rate).'),
    paymentTermsDays: z.number().int().min(0).max(365).optional().describe('Days from issue to when payment is due; 30 when omitted.'),
  })
  .strict()
  .describe('How the contract is invoiced: VAT, frequency, recipient, the contract manager and any minimum value.');
export type ContractBilling = z.infer<typeof ContractBillingSchema>;
