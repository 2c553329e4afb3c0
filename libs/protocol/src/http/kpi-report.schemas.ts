import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';
import { KpiSchema } from '../contracts/kpi.schema';
import { KpiSpendSchema } from './kpi-spend.schemas';
import { LocalAuthorityFiguresSchema } from './programme-figures.schemas';

/** `2026-11` (a month), `2026-Q3` (a quarter), `2026` (a year) or `contract` (the contract to date), on London dates. */
export const KpiPeriodSchema = z
  .string()
  .regex(/^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4}|contract)$/, 'must be YYYY-MM, YYYY-Qn, YYYY or contract')
  .describe('The period: a month `2026-11`, a quarter `2026-Q3`, a calendar year `2026`, or `contract` (everything to date); London dates.');
export type KpiPeriod = z.infer<typeof KpiPeriodSchema>;

export const KpiQuerySchema = z
  .object({ period: KpiPeriodSchema })
  .strict()
  .describe('Which period to compute the contract’s KPIs over; any other parameter is refused.');
export type KpiQuery = z.infer<typeof KpiQuerySchema>;

export const KpiRequestSchema = KpiQuerySchema.extend({ contractId: z.uuid().describe('The contract.') })
  .strict()
  .describe('The KPIs of one contract for one period.');
export type KpiRequest = z.infer<typeof KpiRequestSchema>;

export const KpiCaseRefSchema = z
  .object({ caseId: z.uuid().describe('The case.'), reference: z.string().describe('The case reference (never a name).') })
  .describe('A case behind a figure.');

export const KPI_MEASURE_KINDS = [
  'deadline-met-rate',
  'expected-outcome-rate',
  'outcome-rate',
  'case-flag-rate',
  'reopened-rate',
  'funnel-conversion',
  'count',
] as const;

export const KPI_COUNTING_RULES = [
  'due-in-period',
  'closed-in-period',
  'opened-in-period',
  'months-after-opening-in-period',
  'received-in-period',
  'occurred-in-period',
  'answered-in-period',
] as const;

export const KpiFigureSchema = z
  .object({
    key: z.string().describe('The KPI’s key in the contract.'),
    label: z.string().describe('The KPI as people read it.'),
    kind: z.enum(KPI_MEASURE_KINDS).describe('The kind of measure.'),
    countingRule: z
      .enum(KPI_COUNTING_RULES)
      .describe(
        'Which cases count in the period: deadlines due in it, closures in it, cases opened in it, cases reaching N months after opening in it, referrals received in it, events in it, cases whose survey was answered in it (satisfactory feedback).',
      ),
    numerator: z.number().int().describe('What met the measure.'),
    denominator: z.number().int().nullable().describe('What was measured; null for a count.'),
    value: z.number().nullable().describe('Per cent (one decimal) for a rate, the number for a count; null when nothing was measured.'),
    unit: z.enum(['percent', 'count']).describe('The unit of `value`.'),
    target: KpiSchema.shape.target.unwrap().nullable().describe('The target of the contract version; null when it has none.'),
    status: z
      .enum(['pass', 'fail', 'no-data', 'no-target'])
      .describe('Against the target: `no-data` when nothing was measured, `no-target` when there is no target.'),
    cases: z
      .object({
        numerator: z.array(KpiCaseRefSchema).describe('The cases behind the numerator.'),
        denominator: z.array(KpiCaseRefSchema).describe('The cases behind the denominator (for a count, the same as the numerator).'),
      })
      .describe('Drill-down: the case references behind each number.'),
  })
  .describe('One KPI computed for a period.');
export type KpiFigure = z.infer<typeof KpiFigureSchema>;

export const KpiReportSchema = z
  .object({
    contractId: z.uuid().describe('The contract.'),
    period: KpiPeriodSchema,
    from: CalendarDateSchema.nullable().describe('The first London day of the period; null for the contract to date.'),
    to: CalendarDateSchema.nullable().describe('The last London day of the period; null for the contract to date.'),
    contractVersions: z.array(z.number().int()).describe('The contract versions whose KPIs were applied (each case by the version it ran under).'),
    serviceLines: z
      .array(z.object({ serviceLine: z.string().describe('The service line key.'), kpis: z.array(KpiFigureSchema).describe('Its KPIs.') }))
      .describe('Each service line’s KPIs.'),
    kpis: z.array(KpiFigureSchema).describe('The same KPIs over the whole contract (every line declaring a KPI added up).'),
    spend: KpiSpendSchema.optional().describe('Spend in the period and against the budget or cap, from billing’s ledger.'),
    generatedAt: z.iso.datetime({ offset: true }).describe('When it was computed.'),
    localAuthorities: z
      .array(LocalAuthorityFiguresSchema)
      .describe('The programme outside cases by local authority (activities, attendance, data returns); empty for a contract without one.'),
  })
  .describe('A contract’s KPIs for one period, each against its target, with the cases behind every number.');
export type KpiReport = z.infer<typeof KpiReportSchema>;
