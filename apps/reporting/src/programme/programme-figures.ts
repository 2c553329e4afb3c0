import type { ContractDefinition, Kpi, KpiFigure, LocalAuthorityFigures } from '@mediation/protocol';
import { judge, londonDay, type KpiFigures } from '../kpis/kpi-engine';
import { inRange, type DayRange } from '../kpis/kpi-period';

/*
 * The programme outside cases, counted: pure functions from the activities, local authorities and data
 * returns the read model keeps to what a period's KPIs add for them, by authority. The contract's `count`
 * KPIs (seed 002's `workshop.delivered`, `drop-in.held`, `data-return.received`) count these beside the
 * milestones of cases: an activity on the day it was delivered, a data return on the day it was received.
 */

export const DATA_RETURN_RECEIVED = 'data-return.received';

export interface ProgrammeFacts {
  authorities: { authorityKey: string; name: string }[];
  activities: {
    serviceLine: string;
    activityType: string;
    milestone: string | null;
    deliveredAt: Date;
    authorityKey: string;
    totalAttendees: number;
  }[];
  /** `receivedOn` null: found missing and not received since. */
  dataReturns: { authorityKey: string; period: string; dueOn: string; receivedOn: string | null; late: boolean | null }[];
}

export const NO_PROGRAMME: ProgrammeFacts = { authorities: [], activities: [], dataReturns: [] };

type CountKpi = Kpi & { measure: { kind: 'count'; event: string } };
const isCount = (k: Kpi): k is CountKpi => k.measure.kind === 'count';

/** How many programme facts one count KPI of a line counts in the period, for one authority or all. */
function countFor(event: string, lines: ReadonlySet<string>, facts: ProgrammeFacts, range: DayRange, authorityKey?: string): number {
  const forAuthority = (key: string) => authorityKey === undefined || key === authorityKey;
  const activities = facts.activities.filter(
    (a) => a.milestone === event && lines.has(a.serviceLine) && forAuthority(a.authorityKey) && inRange(londonDay(a.deliveredAt), range),
  ).length;
  const returns =
    event === DATA_RETURN_RECEIVED
      ? facts.dataReturns.filter((r) => r.receivedOn !== null && forAuthority(r.authorityKey) && inRange(r.receivedOn, range)).length
      : 0;
  return activities + returns;
}

/** The lines of the contract declaring a KPI key as a count. */
function linesCounting(definition: ContractDefinition, key: string): { kpi: CountKpi; lines: Set<string> } | null {
  const declaring = definition.serviceLines.flatMap((l) => l.kpis.filter((k) => k.key === key && isCount(k)).map((k) => ({ line: l.key, kpi: k as CountKpi })));
  return declaring.length === 0 ? null : { kpi: declaring[0].kpi, lines: new Set(declaring.map((d) => d.line)) };
}

function plus(figure: KpiFigure, n: number): KpiFigure {
  if (figure.kind !== 'count' || n === 0) return figure;
  const numerator = figure.numerator + n;
  return { ...figure, numerator, value: numerator, status: judge(numerator, figure.target ?? undefined) };
}

/** The case-based figures with the programme's counts added to each `count` KPI (per line and over the contract). */
export function withProgrammeCounts(figures: KpiFigures, definition: ContractDefinition, facts: ProgrammeFacts, range: DayRange): KpiFigures {
  if (facts.activities.length === 0 && facts.dataReturns.length === 0) return figures;
  const event = (key: string) => linesCounting(definition, key);
  return {
    serviceLines: figures.serviceLines.map((l) => ({
      ...l,
      kpis: l.kpis.map((f) => {
        const counted = event(f.key);
        return counted && counted.lines.has(l.serviceLine) ? plus(f, countFor(counted.kpi.measure.event, new Set([l.serviceLine]), facts, range)) : f;
      }),
    })),
    kpis: figures.kpis.map((f) => {
      const counted = event(f.key);
      return counted ? plus(f, countFor(counted.kpi.measure.event, counted.lines, facts, range)) : f;
    }),
  };
}

/** Each local authority's figures for the period: the contract's count KPIs for it, its activities by type, and its data returns. */
export function localAuthorityFigures(definition: ContractDefinition, facts: ProgrammeFacts, range: DayRange): LocalAuthorityFigures[] {
  const counts = [...new Set(definition.serviceLines.flatMap((l) => l.kpis.filter(isCount).map((k) => k.key)))].map((key) => linesCounting(definition, key)!);
  const activities = facts.activities.filter((a) => inRange(londonDay(a.deliveredAt), range));
  // A period is whole months: a return belongs to it when its month begins in it.
  const returns = facts.dataReturns.filter((r) => inRange(`${r.period}-01`, range));
  const names = new Map(facts.authorities.map((a) => [a.authorityKey, a.name]));
  const keys = [...new Set([...names.keys(), ...activities.map((a) => a.authorityKey), ...returns.map((r) => r.authorityKey)])].sort();
  return keys.map((authorityKey) => {
    const theirs = activities.filter((a) => a.authorityKey === authorityKey);
    const types = [...new Set(theirs.map((a) => a.activityType))].sort();
    return {
      authorityKey,
      name: names.get(authorityKey) ?? null,
      kpis: counts.map(({ kpi, lines }) => ({ key: kpi.key, label: kpi.label, value: countFor(kpi.measure.event, lines, facts, range, authorityKey) })),
      activities: types.map((activityType) => {
        const ofType = theirs.filter((a) => a.activityType === activityType);
        return {
          activityType,
          milestone: ofType[0].milestone,
          delivered: ofType.length,
          attendees: ofType.reduce((n, a) => n + a.totalAttendees, 0),
        };
      }),
      attendees: theirs.reduce((n, a) => n + a.totalAttendees, 0),
      dataReturns: returns
        .filter((r) => r.authorityKey === authorityKey)
        .map((r) => ({
          period: r.period,
          dueOn: r.dueOn,
          state: r.receivedOn === null ? ('missing' as const) : r.late ? ('late' as const) : ('received' as const),
          receivedOn: r.receivedOn,
        })),
    };
  });
}
