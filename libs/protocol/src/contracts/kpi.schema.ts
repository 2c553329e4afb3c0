import { z } from 'zod';
import { BasisSchema, KeySchema, LabelSchema } from './basis.schema';

export const FUNNEL_STAGES = ['referral', 'contact', 'session', 'agreement'] as const;

export const KpiMeasureSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('deadline-met-rate').describe('The kind of measure.'),
        deadlineRule: KeySchema.describe('The deadline rule of this service line.'),
      })
      .strict()
      .describe('Share of the rule’s deadlines met on time.'),
    z
      .object({ kind: z.literal('expected-outcome-rate').describe('The kind of measure.') })
      .strict()
      .describe('Share of closed cases whose outcome counts as expected.'),
    z
      .object({ kind: z.literal('outcome-rate').describe('The kind of measure.'), outcomes: z.array(KeySchema).min(1).describe('Outcome keys counted.') })
      .strict()
      .describe('Share of closed cases with one of these outcomes.'),
    z
      .object({
        kind: z.literal('case-flag-rate').describe('The kind of measure.'),
        flag: KeySchema.describe('A flag recorded on cases, e.g. `multi-agency-involvement`.'),
        atMonthsAfterOpening: z.number().int().positive().max(60).optional().describe('Measured this many months after the case opened.'),
      })
      .strict()
      .describe('Share of cases carrying a flag.'),
    z
      .object({
        kind: z.literal('reopened-rate').describe('The kind of measure.'),
        withinMonths: z.number().int().positive().max(60).describe('Reopened within this many months of closure.'),
      })
      .strict()
      .describe('Share of closed cases reopened.'),
    z
      .object({
        kind: z.literal('funnel-conversion').describe('The kind of measure.'),
        from: z.enum(FUNNEL_STAGES).describe('The stage counted from.'),
        to: z.enum(FUNNEL_STAGES).describe('The stage reached.'),
      })
      .strict()
      .describe('Share of cases reaching one stage that reach the next, e.g. referral -> contact.'),
    z
      .object({
        kind: z.literal('count').describe('The kind of measure.'),
        event: z
          .string()
          .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
          .describe('The domain event counted, e.g. `workshop.delivered`.'),
      })
      .strict()
      .describe('A count of events in the period.'),
  ])
  .describe('What is measured.');

export const KpiSchema = z
  .object({
    key: KeySchema,
    label: LabelSchema,
    measure: KpiMeasureSchema,
    target: z
      .object({
        comparator: z.enum(['lt', 'lte', 'eq', 'gte', 'gt']).describe('How the measured value compares with the target to pass.'),
        value: z.number().describe('The target, e.g. 90 for 90%.'),
        unit: z.enum(['percent', 'count', 'days']).describe('The unit of `value`.'),
      })
      .strict()
      .optional()
      .describe('The target; absent when the KPI is reported without one.'),
    period: z.enum(['monthly', 'quarterly', 'yearly', 'contract']).describe('The period it is reported over.'),
    basis: BasisSchema,
  })
  .strict()
  .describe('A key performance indicator of a service line.');
export type Kpi = z.infer<typeof KpiSchema>;
