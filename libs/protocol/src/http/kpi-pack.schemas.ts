import { z } from 'zod';

const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
  .describe('The month, YYYY-MM (London).');

export const PackViewSchema = z
  .object({
    id: z.uuid().describe('The pack.'),
    contractId: z.uuid().describe('The contract.'),
    period: MonthSchema,
    issue: z.number().int().positive().describe('1 for the month’s first pack, one more for each regeneration; the newest is served.'),
    trigger: z.enum(['scheduled', 'on-demand']).describe('The monthly job, or a regeneration asked for.'),
    figuresSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the figures the pack shows: the same events give the same hash.'),
    recipients: z.number().int().nonnegative().describe('How many report recipients with an address the contract names for the monthly performance report.'),
    issuedAt: z.iso.datetime({ offset: true }).describe('When it was issued.'),
  })
  .describe('A monthly KPI pack (a PDF and a CSV of the same figures).');
export type PackView = z.infer<typeof PackViewSchema>;

export const PackListSchema = z.object({ items: z.array(PackViewSchema).describe('Every issue, newest month first.') }).describe('A contract’s monthly packs.');

export const PackParamsSchema = z.object({ id: z.uuid().describe('The contract id.'), period: MonthSchema }).describe('Path parameters.');

export const RegeneratePackBodySchema = z
  .object({ period: MonthSchema.describe('The month to issue the pack for again, YYYY-MM; the current month is allowed (figures to date).') })
  .strict()
  .describe('Regenerate a month’s pack from the read model as it is now.');
export type RegeneratePackBody = z.infer<typeof RegeneratePackBodySchema>;

export const PackRequestSchema = z.object({ contractId: z.uuid().describe('The contract.'), period: MonthSchema }).describe('One month’s pack of a contract.');
export const PackFileRequestSchema = PackRequestSchema.extend({
  format: z.enum(['pdf', 'csv']).describe('The PDF or the CSV.'),
  issue: z.number().int().positive().optional().describe('One issue of the month (the one an email was about); the newest when omitted.'),
}).describe('A pack file.');
export const PackListRequestSchema = z.object({ contractId: z.uuid().describe('The contract.') }).describe('A contract’s packs.');

export const PackFileSchema = z
  .object({
    filename: z.string().describe('The file name, e.g. `kpi-pack-HSG-2026-11.pdf`.'),
    contentType: z.enum(['application/pdf', 'text/csv; charset=utf-8']).describe('The PDF or the CSV.'),
    base64: z.string().describe('The file, base64-encoded.'),
    figuresSha256: z.string().describe('SHA-256 of the figures.'),
  })
  .describe('A pack file.');
export type PackFile = z.infer<typeof PackFileSchema>;
