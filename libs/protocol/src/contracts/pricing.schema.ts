import { z } from 'zod';
import { BasisSchema, PenceSchema } from './basis.schema';

/** Null until agreed: templates know the model a contract prices by, not the provider's quotation. */
const AgreedPence = PenceSchema.nullable();

export const PricingSchema = z
  .discriminatedUnion('model', [
    z
      .object({
        model: z.literal('fixed-per-year').describe('The pricing model.'),
        annualPricePence: AgreedPence.describe('The fixed price a year, in pence; null until agreed.'),
        includedCasesPerYear: z.number().int().nonnegative().nullable().describe('Cases a year the fixed price covers; null until agreed.'),
        perCaseAbovePence: AgreedPence.describe('The price of each case above the included number, in pence; null until agreed.'),
        basis: BasisSchema,
      })
      .strict()
      .describe('A fixed price a year for N cases, then a price per case above N.'),
    z
      .object({
        model: z.literal('unit-cost-per-session').describe('The pricing model.'),
        perSessionPence: AgreedPence.describe('The price of one session, in pence; null until agreed.'),
        annualBudgetPence: AgreedPence.optional().describe('The buyer’s yearly budget, in pence, if one is set.'),
        didNotAttendPence: PenceSchema.optional().describe(
          'What a session the parties did not attend is charged, in pence; not charged when omitted (the contract’s rule).',
        ),
        basis: BasisSchema,
      })
      .strict()
      .describe('A unit cost per session (e.g. per mediation).'),
    z
      .object({
        model: z.literal('block-contract').describe('The pricing model.'),
        annualPricePence: AgreedPence.describe('The block price a year, in pence; null until agreed.'),
        invoiceFrequency: z.enum(['monthly', 'quarterly', 'yearly']).describe('How often the block is invoiced.'),
        basis: BasisSchema,
      })
      .strict()
      .describe('A block contract: one price for the service, whatever the volume.'),
    z
      .object({
        model: z.literal('fixed-fee').describe('The pricing model.'),
        feePence: AgreedPence.describe('The whole fee, in pence; null until agreed.'),
        milestones: z
          .array(
            z
              .object({
                key: z.string().min(1).max(64).describe('Milestone key.'),
                label: z.string().min(1).max(200).describe('What is delivered.'),
                pence: AgreedPence.describe('Paid on delivery, in pence.'),
              })
              .strict()
              .describe('A payment milestone.'),
          )
          .default([])
          .describe('Payment milestones, if the fee is paid in stages.'),
        basis: BasisSchema,
      })
      .strict()
      .describe('A fixed fee for the whole delivery.'),
  ])
  .describe('How the service line is priced; money in integer pence.');
export type Pricing = z.infer<typeof PricingSchema>;
