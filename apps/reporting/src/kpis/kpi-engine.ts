import { addMonthsToDate } from '@mediation/calendar';
import type { ContractDefinition, Kpi, KpiFigure } from '@mediation/protocol';
import { inRange, type DayRange } from './kpi-period';

/*
 * The KPI engine: pure functions from the facts the read model keeps about each case to the figures a
 * contract's KPIs report. Each measure kind says which cases count in a period (its counting rule) and
 * which of them meet it; every number carries the case references behind it. No I/O, no clock: `today`
 * is given, so the same facts always give the same figures.
 */

export type DeadlineResult = 'met' | 'missed' | 'cancelled' | 'pending';

export interface CaseFacts {
  caseId: string;
  reference: string;
  /** The contract version the case runs under; null for cases opened before versions were kept (the newest applies). */
  contractVersion: number | null;
  serviceLine: string;
  receivedAt: Date;
  openedAt: Date;
  closures: { closedAt: Date; outcome: string; expected: boolean }[];
  reopenings: { reopenedAt: Date; previouslyClosedAt: Date }[];
  deadlines: { deadlineId: string; rule: string; dueAt: Date | null; result: DeadlineResult }[];
  /** Periods of multi-agency involvement, London days; `to` null while ongoing. */
  multiAgency: { from: string; to: string | null }[];
  milestones: { name: string; occurredAt: Date }[];
  /** Survey answers: scale scores only (e.g. `satisfaction` 1-5). */
  surveys: { answeredAt: Date; scores: Record<string, number> }[];
  /** When the case ended without an outcome (withdrawn, rejected). */
  endedAt: Date[];
  /** Complaints about the service on the case: their dates and the dates the line's complaints policy set (null: not known). */
  complaints: ComplaintFacts[];
}

export interface ComplaintFacts {
  receivedAt: Date | null;
  acknowledgeBy: Date | null;
  respondBy: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedLate: boolean | null;
  resolvedAt: Date | null;
}

/**
 * A case's state at the end of a London day: open if its latest opening or reopening by then is later than
 * its latest closure or ending by then; otherwise closed, or ended when that latest stop was an ending.
 */
export function caseStateAt(c: CaseFacts, end: string): 'not-yet' | 'open' | 'closed' | 'ended' {
  if (londonDay(c.openedAt) > end) return 'not-yet';
  const latest = (instants: Date[]) => Math.max(-Infinity, ...instants.filter((d) => londonDay(d) <= end).map((d) => d.getTime()));
  const started = latest([c.openedAt, ...c.reopenings.map((r) => r.reopenedAt)]);
  const closed = latest(c.closures.map((cl) => cl.closedAt));
  const ended = latest(c.endedAt);
  if (started > Math.max(closed, ended)) return 'open';
  return ended >= closed ? 'ended' : 'closed';
}

/** A case as opened, before any other fact about it. */
export function openedCase(c: Pick<CaseFacts, 'caseId' | 'reference' | 'contractVersion' | 'serviceLine' | 'receivedAt' | 'openedAt'>): CaseFacts {
  return { ...c, closures: [], reopenings: [], deadlines: [], multiAgency: [], milestones: [], surveys: [], endedAt: [], complaints: [] };
}

/** What became of a deadline, from the facts its events left (they may have arrived in any order). */
export function deadlineResult(d: {
  metAt: Date | null;
  metLate: boolean | null;
  breachedAt: Date | null;
  cancelledAt: Date | null;
  correctedTo: string | null;
}): DeadlineResult {
  if (d.correctedTo === 'met') return 'met';
  if (d.correctedTo === 'cancelled') return 'cancelled';
  if (d.metAt) return d.metLate ? 'missed' : 'met';
  if (d.breachedAt) return 'missed';
  if (d.cancelledAt) return 'cancelled';
  return 'pending';
}

/** One case's part in one KPI: how many things it adds to the denominator and to the numerator. */
interface Part {
  denominator: number;
  numerator: number;
}
const NONE: Part = { denominator: 0, numerator: 0 };
/** When British Summer Time starts and ends in a year (01:00 UTC on the last Sundays of March and October), remembered per year. */
const SUMMER = new Map<number, [number, number]>();
function summerOf(year: number): [number, number] {
  let found = SUMMER.get(year);
  if (!found) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    found = [lastSunday(2), lastSunday(9)];
    SUMMER.set(year, found);
  }
  return found;
}

/**
 * The London day of an instant, as libs/calendar's londonDate gives it (kpi-engine.spec checks the two agree
 * across clock changes), without building a zoned date: the engine asks it of every case for every KPI and
 * each of a pack's twelve months, and the zoned conversion was most of its time.
 */
const DAYS = new WeakMap<Date, string>();
export function londonDay(instant: Date): string {
  let found = DAYS.get(instant);
  if (found === undefined) {
    const at = instant.getTime();
    const [start, end] = summerOf(instant.getUTCFullYear());
    found = new Date(at >= start && at < end ? at + 3_600_000 : at).toISOString().slice(0, 10);
    // The facts' dates are kept for the whole computation (a pack asks each of them for twelve months).
    DAYS.set(instant, found);
  }
  return found;
}

/** Milliseconds into its London day: 0 at London midnight, whatever the season. */
function londonTimeOfDay(instant: Date): number {
  const at = instant.getTime();
  const [start, end] = summerOf(instant.getUTCFullYear());
  return (((at >= start && at < end ? at + 3_600_000 : at) % 86_400_000) + 86_400_000) % 86_400_000;
}

/**
 * Whether `later` is no later than N calendar months after `from` at the same London wall-clock time (libs/calendar's
 * addLondonMonths), compared as London day then time of day, so no zoned date is built per closure.
 */
function withinLondonMonths(from: Date, later: Date, months: number): boolean {
  const limitDay = monthsAfter(londonDay(from), months);
  const laterDay = londonDay(later);
  return laterDay < limitDay || (laterDay === limitDay && londonTimeOfDay(later) <= londonTimeOfDay(from));
}

/** N calendar months after a London day (libs/calendar's rule), remembered: cases share few opening days. */
const MONTHS_AFTER = new Map<string, string>();
function monthsAfter(date: string, months: number): string {
  const key = `${date}+${months}`;
  let found = MONTHS_AFTER.get(key);
  if (found === undefined) {
    if (MONTHS_AFTER.size > 100_000) MONTHS_AFTER.clear();
    found = addMonthsToDate(date, months);
    MONTHS_AFTER.set(key, found);
  }
  return found;
}
const day = londonDay;

/** Flags the read model can tell from events as periods on London days. */
export const FLAG_SOURCES = { 'multi-agency-involvement': (c: CaseFacts) => c.multiAgency } as const;

/**
 * The flag a survey answer gives: "satisfactory feedback from at least one party" (seed 001 §3.1, §10.3-10.4). A party's
 * `satisfaction` of 4 or 5 (of 5) is satisfactory, as casework's survey says. Counted among the cases whose survey was
 * answered in the period (`answered-in-period`), so a month's figure does not move when later answers arrive.
 */
export const SATISFACTORY_FEEDBACK = 'satisfactory-feedback';
const SATISFACTORY_SCORE = 4;
function feedbackPart(c: CaseFacts, range: DayRange): Part {
  const answered = c.surveys.filter((s) => typeof s.scores.satisfaction === 'number' && inRange(day(s.answeredAt), range));
  if (answered.length === 0) return NONE;
  return { denominator: 1, numerator: answered.some((s) => s.scores.satisfaction >= SATISFACTORY_SCORE) ? 1 : 0 };
}

/** Milestones that mean a session was held (`mediation.held`, `meeting.held`...), but not a visit. */
const isSessionHeld = (name: string) => name.endsWith('.held') && name !== 'visit.held';

function reached(stage: string, c: CaseFacts): boolean {
  switch (stage) {
    case 'referral':
      return true;
    case 'contact':
      return c.milestones.some((m) => m.name === 'contact.made');
    case 'session':
      return c.milestones.some((m) => isSessionHeld(m.name));
    default:
      // An agreement: a closure with an outcome the contract counts as expected (settled, partly settled).
      return c.closures.some((cl) => cl.expected);
  }
}

/** The counting rule each measure kind follows, written out in the README. */
export function countingRule(measure: Kpi['measure']): KpiFigure['countingRule'] {
  switch (measure.kind) {
    case 'deadline-met-rate':
      return 'due-in-period';
    case 'expected-outcome-rate':
    case 'outcome-rate':
    case 'reopened-rate':
      return 'closed-in-period';
    case 'case-flag-rate':
      if (measure.flag === SATISFACTORY_FEEDBACK) return 'answered-in-period';
      return measure.atMonthsAfterOpening ? 'months-after-opening-in-period' : 'opened-in-period';
    case 'funnel-conversion':
      return 'received-in-period';
    case 'count':
      return 'occurred-in-period';
  }
}

/** One case's part in one measure for a period; `today` keeps a measure point still to come out of the figures. */
export function partOf(measure: Kpi['measure'], c: CaseFacts, range: DayRange, today: string): Part {
  switch (measure.kind) {
    case 'deadline-met-rate': {
      const decided = c.deadlines.filter(
        (d) => d.rule === measure.deadlineRule && d.dueAt && inRange(day(d.dueAt), range) && (d.result === 'met' || d.result === 'missed'),
      );
      return { denominator: decided.length, numerator: decided.filter((d) => d.result === 'met').length };
    }
    case 'expected-outcome-rate': {
      const closed = c.closures.filter((cl) => inRange(day(cl.closedAt), range));
      return { denominator: closed.length, numerator: closed.filter((cl) => cl.expected).length };
    }
    case 'outcome-rate': {
      const closed = c.closures.filter((cl) => inRange(day(cl.closedAt), range));
      return { denominator: closed.length, numerator: closed.filter((cl) => measure.outcomes.includes(cl.outcome)).length };
    }
    case 'reopened-rate': {
      const closed = c.closures.filter((cl) => inRange(day(cl.closedAt), range));
      const reopened = closed.filter((cl) => {
        return c.reopenings.some(
          (r) => r.previouslyClosedAt.getTime() === cl.closedAt.getTime() && withinLondonMonths(cl.closedAt, r.reopenedAt, measure.withinMonths),
        );
      });
      return { denominator: closed.length, numerator: reopened.length };
    }
    case 'case-flag-rate': {
      if (measure.flag === SATISFACTORY_FEEDBACK) return feedbackPart(c, range);
      const periods = (FLAG_SOURCES as Record<string, ((c: CaseFacts) => CaseFacts['multiAgency']) | undefined>)[measure.flag];
      if (!periods) return NONE;
      if (measure.atMonthsAfterOpening === undefined) {
        if (!inRange(day(c.openedAt), range)) return NONE;
        return { denominator: 1, numerator: periods(c).length > 0 ? 1 : 0 };
      }
      // Measured on the London day N months after opening, from the periods covering that day (not "ever").
      const at = monthsAfter(day(c.openedAt), measure.atMonthsAfterOpening);
      if (!inRange(at, range) || at > today) return NONE;
      return { denominator: 1, numerator: periods(c).some((p) => p.from <= at && (p.to === null || p.to >= at)) ? 1 : 0 };
    }
    case 'funnel-conversion': {
      if (!inRange(day(c.receivedAt), range) || !reached(measure.from, c)) return NONE;
      return { denominator: 1, numerator: reached(measure.to, c) ? 1 : 0 };
    }
    case 'count': {
      const n = c.milestones.filter((m) => m.name === measure.event && inRange(day(m.occurredAt), range)).length;
      return { denominator: n, numerator: n };
    }
  }
}

/** Pass or fail against the target; the comparison uses the exact ratio, not the rounded value shown. */
export function judge(exact: number | null, target: Kpi['target']): KpiFigure['status'] {
  if (!target) return 'no-target';
  if (exact === null) return 'no-data';
  const t = target.value;
  const ok = { lt: exact < t, lte: exact <= t, eq: exact === t, gte: exact >= t, gt: exact > t }[target.comparator];
  return ok ? 'pass' : 'fail';
}

/** Adds up the parts of the cases measured by one KPI into its figure. */
export function figure(kpi: Kpi, parts: { c: Pick<CaseFacts, 'caseId' | 'reference'>; part: Part }[]): KpiFigure {
  const counted = parts.filter((p) => p.part.denominator > 0);
  const numerator = counted.reduce((n, p) => n + p.part.numerator, 0);
  const isCount = kpi.measure.kind === 'count';
  const denominator = isCount ? null : counted.reduce((n, p) => n + p.part.denominator, 0);
  const exact = isCount ? numerator : denominator ? (numerator / denominator) * 100 : null;
  const ref = ({ c }: (typeof parts)[number]) => ({ caseId: c.caseId, reference: c.reference });
  return {
    key: kpi.key,
    label: kpi.label,
    kind: kpi.measure.kind,
    countingRule: countingRule(kpi.measure),
    numerator,
    denominator,
    value: exact === null ? null : isCount ? exact : Math.round(exact * 10) / 10,
    unit: isCount ? 'count' : 'percent',
    target: kpi.target ?? null,
    status: judge(exact, kpi.target),
    cases: { numerator: counted.filter((p) => p.part.numerator > 0).map(ref), denominator: counted.map(ref) },
  };
}

/** Every `atMonthsAfterOpening` the versions' KPIs measure at: which openings a period's figures reach back to. */
export function monthsAfterOpening(versions: Iterable<ContractDefinition>): number[] {
  const months = new Set<number>();
  for (const v of versions)
    for (const line of v.serviceLines)
      for (const k of line.kpis) if (k.measure.kind === 'case-flag-rate' && k.measure.atMonthsAfterOpening) months.add(k.measure.atMonthsAfterOpening);
  return [...months].sort((a, b) => a - b);
}

export interface KpiInput {
  cases: readonly CaseFacts[];
  /** Every contract version the cases run under, and the newest. */
  versions: ReadonlyMap<number, ContractDefinition>;
  latestVersion: number;
  range: DayRange;
  today: string;
}

export interface KpiFigures {
  serviceLines: { serviceLine: string; kpis: KpiFigure[] }[];
  kpis: KpiFigure[];
}

/**
 * Every KPI of the contract for a period, per service line and over the whole contract. Each case is
 * measured by the KPI as the version it ran under declares it (a version without that KPI leaves it out);
 * the label and target shown are the newest version's.
 */
export function computeKpis(input: KpiInput): KpiFigures {
  const newest = input.versions.get(input.latestVersion);
  const versionsNewestFirst = [...input.versions.entries()].sort(([a], [b]) => b - a).map(([, d]) => d);
  const lineKeys = unique([...(newest?.serviceLines.map((l) => l.key) ?? []), ...input.cases.map((c) => c.serviceLine)]);
  const kpiOf = (version: ContractDefinition | undefined, line: string, key: string) =>
    version?.serviceLines.find((l) => l.key === line)?.kpis.find((k) => k.key === key);
  const shown = (line: string, key: string) => versionsNewestFirst.map((v) => kpiOf(v, line, key)).find(Boolean)!;

  const serviceLines = lineKeys.map((line) => {
    const cases = input.cases.filter((c) => c.serviceLine === line);
    const keys = unique(versionsNewestFirst.flatMap((v) => v.serviceLines.find((l) => l.key === line)?.kpis.map((k) => k.key) ?? []));
    const kpis = keys.map((key) => {
      const byVersion = new Map<number, Kpi | undefined>();
      const kpiFor = (v: number) => {
        if (!byVersion.has(v)) byVersion.set(v, kpiOf(input.versions.get(v), line, key));
        return byVersion.get(v);
      };
      const parts = cases.flatMap((c) => {
        const kpi = kpiFor(c.contractVersion ?? input.latestVersion);
        return kpi ? [{ c, part: partOf(kpi.measure, c, input.range, input.today) }] : [];
      });
      return { kpi: shown(line, key), parts };
    });
    return { serviceLine: line, kpis };
  });

  const contractKeys = unique(serviceLines.flatMap((l) => l.kpis.map((k) => k.kpi.key)));
  return {
    serviceLines: serviceLines.filter((l) => l.kpis.length > 0).map((l) => ({ serviceLine: l.serviceLine, kpis: l.kpis.map((k) => figure(k.kpi, k.parts)) })),
    kpis: contractKeys.map((key) => {
      const all = serviceLines.flatMap((l) => l.kpis.filter((k) => k.kpi.key === key));
      return figure(
        all[0].kpi,
        all.flatMap((k) => k.parts),
      );
    }),
  };
}

const unique = <T>(items: T[]) => [...new Set(items)];
