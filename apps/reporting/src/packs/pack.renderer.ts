import { calendarDay, chart, keyValues, paragraph, pounds, section, table, type DocumentSpec } from '@mediation/documents';
import type { KpiFigure, OrganisationProfile } from '@mediation/protocol';
import { localAuthoritiesSection } from '../programme/programme-pack';
import type { PackFigures } from './pack-figures';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const shortMonth = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1].slice(0, 3)} ${period.slice(2, 4)}`;
const COMPARATOR = { lt: '<', lte: '≤', eq: '=', gte: '≥', gt: '>' } as const;

type Figure = Omit<KpiFigure, 'cases'>;

/**
 * Red, amber or green against the target: green passes; amber fails by no more than 5 percentage points
 * (or 10% of a count target), close enough to recover next month; red fails by more. No data has no mark.
 */
export function rag(figure: Figure): 'Green' | 'Amber' | 'Red' | 'No data' | 'No target' {
  if (figure.status === 'no-target') return 'No target';
  if (figure.status === 'no-data' || figure.value === null || !figure.target) return 'No data';
  if (figure.status === 'pass') return 'Green';
  const margin = figure.unit === 'percent' ? 5 : Math.max(1, Math.abs(figure.target.value) * 0.1);
  return Math.abs(figure.value - figure.target.value) <= margin ? 'Amber' : 'Red';
}

const shown = (f: Figure) => (f.value === null ? '–' : f.unit === 'percent' ? `${f.value}%` : String(f.value));
const measured = (f: Figure) => (f.denominator === null ? `${f.numerator}` : `${f.numerator} of ${f.denominator}`);
const target = (f: Figure) => (f.target ? `${COMPARATOR[f.target.comparator]} ${f.target.value}${f.target.unit === 'percent' ? '%' : ''}` : '–');

export interface PackDocumentInput {
  organisation: OrganisationProfile;
  contract: { reference: string; title: string; buyer: string };
  figures: PackFigures;
  figuresSha256: string;
  issue: number;
  issuedAt: Date;
}

/** The monthly KPI pack as a document: each KPI against its target with its RAG mark, twelve-month trends, volumes. */
export function packDocument(input: PackDocumentInput): DocumentSpec {
  const { figures } = input;
  const months = figures.trend.months.map(shortMonth);
  const month = figures.volumes[figures.volumes.length - 1];
  return {
    organisation: input.organisation,
    title: 'Monthly performance report',
    subtitle: [`${input.contract.title} (${input.contract.reference})`, `${monthName(figures.period)} · for ${input.contract.buyer}`],
    reference: `${input.contract.reference} ${figures.period}${input.issue > 1 ? ` issue ${input.issue}` : ''}`,
    handling: 'Aggregate figures; no personal data',
    subject: `KPI pack ${monthName(figures.period)}`,
    issuedAt: input.issuedAt,
    body: [
      keyValues([
        ['Contract', `${input.contract.title} (${input.contract.reference})`],
        ['Buyer', input.contract.buyer],
        ['Period', `${monthName(figures.period)} (London dates)`],
        ['Figures', `SHA-256 ${input.figuresSha256}`],
      ]),
      section(
        'Key performance indicators',
        table(
          [
            { title: 'KPI', width: 0.42 },
            { title: 'Measured', width: 0.16 },
            { title: 'Value', width: 0.12 },
            { title: 'Target', width: 0.14 },
            { title: 'RAG', width: 0.16 },
          ],
          figures.kpis.map((f) => [f.label, measured(f), shown(f), target(f), rag(f)]),
          'The contract declares no KPIs.',
        ),
        paragraph(
          'Deadlines count in the month they fall due; closures, outcomes and reopenings in the month the case closed; multi-agency involvement on the day three months after opening; satisfactory feedback among the cases whose survey was answered in the month. Green meets the target, amber misses it by 5 points or less, red by more.',
          'note',
        ),
      ),
      ...spendSection(figures),
      section(
        'Twelve-month trends',
        ...figures.trend.kpis.map((k) => {
          const kpi = figures.kpis.find((f) => f.key === k.key)!;
          return chart({
            title: kpi.label,
            type: 'line',
            categories: months,
            series: [{ name: kpi.label, values: k.values }],
            target: kpi.target?.value,
            unit: kpi.unit,
            height: 150,
          });
        }),
      ),
      section(
        'Volumes',
        chart({
          title: 'Cases opened and closed per month',
          type: 'bar',
          categories: months,
          series: [
            { name: 'Opened', values: figures.volumes.map((v) => v.casesOpened) },
            { name: 'Closed', values: figures.volumes.map((v) => v.casesClosed) },
          ],
          unit: 'count',
          height: 170,
        }),
        keyValues(
          [
            ['Referrals received', String(month.referralsReceived)],
            ['Cases opened', String(month.casesOpened)],
            ['Cases closed', String(month.casesClosed)],
            ['Open at month end', String(month.openAtMonthEnd)],
            ['Deadlines missed', String(month.deadlinesMissed)],
            ['Surveys answered', `${month.surveysAnswered}${month.meanSatisfaction === null ? '' : ` (mean satisfaction ${month.meanSatisfaction})`}`],
            ['Complaints received', String(month.complaints.received)],
            ['Complaints acknowledged', `${month.complaints.acknowledged} (${month.complaints.acknowledgedInTime} within the timescale)`],
            ['Complaints responded to', `${month.complaints.responded} (${month.complaints.respondedInTime} within the timescale)`],
            ['Complaints open at month end', String(month.complaints.openAtMonthEnd)],
          ],
          'fields',
        ),
        table(
          [
            { title: 'Closed by outcome', width: 0.75 },
            { title: 'Cases', width: 0.25 },
          ],
          Object.entries(month.closedByOutcome).map(([outcome, n]) => [outcome, String(n)]),
          'No case closed this month.',
        ),
      ),
      ...(figures.localAuthorities ? [localAuthoritiesSection(figures.localAuthorities)] : []),
    ],
  };
}

const LIMIT_NAMES = { 'annual-budget': 'Yearly budget', 'contract-cap': 'Contract cap' } as const;

/** Spend beside the KPIs: the month's, and against the budget or cap to date (from billing's ledger). */
function spendSection(figures: PackFigures): DocumentSpec['body'] {
  const { spend } = figures;
  if (!spend) return [];
  const rows: [string, string][] = [[`Spent in ${monthName(figures.period)}`, pounds(spend.spentPence)]];
  if (spend.limit) {
    const since = spend.limit.from ? ` from ${calendarDay(spend.limit.from)}` : '';
    rows.push([LIMIT_NAMES[spend.limit.kind], pounds(spend.limit.pence)]);
    rows.push([`Spent against it${since} to ${calendarDay(spend.limit.to)}`, `${pounds(spend.limit.spentPence)} (${spend.limit.usedPercent}% used)`]);
  }
  return [section('Spend', keyValues(rows, 'fields'), paragraph('Net of credit notes, as billing recorded it, on the London days it happened.', 'note'))];
}
