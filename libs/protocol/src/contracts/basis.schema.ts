import { z } from 'zod';

/** Where a rule comes from, so a case manager can answer "says who?" for every clock and KPI. */
export const SourceSchema = z
  .object({
    document: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe(
        'The document: a seed/specification file, a regulation or a code of practice, e.g. `seeds/001 Appendix A service specification` or `SEND Regulations 2014 (SI 2014/1530)`.',
      ),
    section: z.string().trim().min(1).max(200).optional().describe('The section, paragraph or regulation number within it, e.g. `§7.1` or `reg 33`.'),
    note: z.string().trim().max(1000).optional().describe('A caveat on the citation, e.g. that a regulation number is to be confirmed.'),
  })
  .strict()
  .describe('A citable source.');
export type Source = z.infer<typeof SourceSchema>;

export const BasisSchema = z
  .object({
    kind: z
      .enum(['legal', 'contractual', 'guidance', 'provider-practice'])
      .describe('Statute or regulation, the contract/specification, statutory guidance, or the provider’s own practice.'),
    text: z.string().trim().min(1).max(2000).describe('What the source says, in short.'),
    source: SourceSchema,
  })
  .strict()
  .describe('The legal or contractual basis of a rule, with its source.');
export type Basis = z.infer<typeof BasisSchema>;

/** camelCase or kebab-case keys that code and reports refer to; labels are for people. */
export const KeySchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]{0,63}$/, 'must start with a lower-case letter and use letters, digits and hyphens (max 64)')
  .describe('A stable machine key.');

export const LabelSchema = z.string().trim().min(1).max(200).describe('A label for people.');

/** `YYYY-MM-DD`, a calendar date in Europe/London. */
export const CalendarDateSchema = z.iso.date().describe('A calendar date (YYYY-MM-DD) in Europe/London.');

/** Money in integer pence; never floating pounds. */
export const PenceSchema = z.number().int().nonnegative().describe('An amount in integer pence.');

/** Reports whether a list of keyed items has each key once, naming the duplicate by its index. */
export function uniqueKeys<T>(keyOf: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `${what} "${key}" appears more than once` });
      seen.add(key);
    });
  };
}
