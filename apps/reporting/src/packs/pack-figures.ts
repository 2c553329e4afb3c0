import { createHash } from 'node:crypto';
import type { ContractDefinition, KpiFigure, KpiSpend, LocalAuthorityFigures } from '@mediation/protocol';
import { caseStateAt, computeKpis, londonDay, type CaseFacts } from '../kpis/kpi-engine';
import { inRange, periodDays, type DayRange } from '../kpis/kpi-period';
import { localAuthorityFigures, NO_PROGRAMME, withProgrammeCounts, type ProgrammeFacts } from '../programme/programme-figures';
import { complaintVolumes, type ComplaintVolumes } from './complaint-volumes';

/** What happened on a contract in one month (London days). */
export interface MonthVolumes {
  month: string;
  referralsReceived: number;
  casesOpened: number;
  casesClosed: number;
  closedByOutcome: Record<string, number>;
  openAtMonthEnd: number;
  deadlinesMissed: number;
  surveysAnswered: number;
  /** Mean of the `satisfaction` scores answered in the month; null when none. */
  meanSatisfaction: number | null;
  complaints: ComplaintVolumes;
}

/** Everything a monthly pack shows, and nothing that changes between two runs over the same events. */
export interface PackFigures {
  contractId: string;
  period: string;
  kpis: Omit<KpiFigure, 'cases'>[];
  /** Each KPI's value over the twelve months to the period, oldest first (null: nothing measured). */
  trend: { months: string[]; kpis: { key: string; values: (number | null)[] }[] };
  volumes: MonthVolumes[];
  /** The month's spend from billing's ledger, and against the budget or cap (spend/contract-spend.reader.ts). */
  spend?: KpiSpend;
  /** The month's programme outside cases by local authority; absent for a contract without one (its hash unchanged). */
  localAuthorities?: LocalAuthorityFigures[];
}

/** The twelve months ending with `period` (YYYY-MM), oldest first. */
export function twelveMonthsTo(period: string): string[] {
  const [y, m] = period.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const day = londonDay;

export function volumesOf(cases: readonly CaseFacts[], month: string): MonthVolumes {
  const range: DayRange = periodDays(month);
  const closures = cases.flatMap((c) => c.closures.filter((cl) => inRange(day(cl.closedAt), range)));
  const surveys = cases.flatMap((c) => c.surveys.filter((s) => inRange(day(s.answeredAt), range)));
  const scores = surveys.map((s) => s.scores.satisfaction).filter((s): s is number => typeof s === 'number');
  const closedByOutcome: Record<string, number> = {};
  for (const cl of closures) closedByOutcome[cl.outcome] = (closedByOutcome[cl.outcome] ?? 0) + 1;
  return {
    month,
    referralsReceived: cases.filter((c) => inRange(day(c.receivedAt), range)).length,
    casesOpened: cases.filter((c) => inRange(day(c.openedAt), range)).length,
    casesClosed: closures.length,
    closedByOutcome: Object.fromEntries(Object.entries(closedByOutcome).sort(([a], [b]) => a.localeCompare(b))),
    openAtMonthEnd: cases.filter((c) => caseStateAt(c, range.to!) === 'open').length,
    deadlinesMissed: cases.reduce((n, c) => n + c.deadlines.filter((d) => d.result === 'missed' && d.dueAt && inRange(day(d.dueAt), range)).length, 0),
    surveysAnswered: surveys.length,
    meanSatisfaction: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    complaints: complaintVolumes(cases, range),
  };
}

/** The pack's figures for a contract and month: the month's KPIs, their twelve-month trend and the volumes. */
export function packFigures(input: {
  contractId: string;
  period: string;
  cases: readonly CaseFacts[];
  versions: ReadonlyMap<number, ContractDefinition>;
  latestVersion: number;
  today: string;
  /** Activities and data returns, which add to the count KPIs (none when omitted). */
  programme?: ProgrammeFacts;
}): PackFigures {
  const months = twelveMonthsTo(input.period);
  const newest = input.versions.get(input.latestVersion);
  const programme = input.programme ?? NO_PROGRAMME;
  const perMonth = months.map((month) => {
    const figures = computeKpis({ ...input, range: periodDays(month) });
    return (newest ? withProgrammeCounts(figures, newest, programme, periodDays(month)) : figures).kpis;
  });
  const authorities = newest ? localAuthorityFigures(newest, programme, periodDays(input.period)) : [];
  const current = perMonth[perMonth.length - 1];
  return {
    contractId: input.contractId,
    period: input.period,
    kpis: current.map(({ cases: _cases, ...figure }) => figure),
    trend: { months, kpis: current.map((k) => ({ key: k.key, values: perMonth.map((m) => m.find((f) => f.key === k.key)?.value ?? null) })) },
    volumes: months.map((month) => volumesOf(input.cases, month)),
    ...(authorities.length > 0 ? { localAuthorities: authorities } : {}),
  };
}

/** SHA-256 of the figures as stored: the same events give the same hash. */
export function figuresHash(figures: PackFigures): string {
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}
