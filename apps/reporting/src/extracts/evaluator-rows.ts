import { createHmac } from 'node:crypto';
import { daysBetween, londonDate } from '@mediation/calendar';
import { EVALUATOR_DICTIONARY } from '@mediation/protocol';
import type { CaseFacts } from '../kpis/kpi-engine';
import { inRange, type DayRange } from '../kpis/kpi-period';

/** A keyed pseudonym of a case for one recipient of one contract's extracts: stable for them, unlinkable for anyone else. */
export function pseudonym(key: string, contractId: string, recipient: string, caseId: string): string {
  const perRecipient = createHmac('sha256', key).update(`${contractId}\n${recipient}`).digest();
  return createHmac('sha256', perRecipient).update(caseId).digest('hex').slice(0, 32);
}

const month = (d: Date) => londonDate(d).slice(0, 7);
const isSession = (name: string) => name.endsWith('.held') && name !== 'visit.held';

/** One row per case received in the range, in the dictionary's columns; nothing but ids made pseudonyms, keys, counts, flags and months. */
export function evaluatorRows(cases: readonly CaseFacts[], range: DayRange, pseudonymOf: (caseId: string) => string): (string | number)[][] {
  return cases
    .filter((c) => inRange(londonDate(c.receivedAt), range))
    .map((c) => {
      const last = [...c.closures].sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime()).at(-1);
      const lastReopen = Math.max(0, ...c.reopenings.map((r) => r.reopenedAt.getTime()));
      const closedNow = last && last.closedAt.getTime() > lastReopen;
      const scores = c.surveys.map((s) => s.scores.satisfaction).filter((s): s is number => typeof s === 'number');
      const row: Record<(typeof EVALUATOR_DICTIONARY)[number]['column'], string | number> = {
        pseudonym: pseudonymOf(c.caseId),
        service_line: c.serviceLine,
        contract_version: c.contractVersion ?? '',
        referral_month: month(c.receivedAt),
        days_referral_to_open: daysBetween(londonDate(c.receivedAt), londonDate(c.openedAt)),
        contact_made: c.milestones.some((m) => m.name === 'contact.made') ? 1 : 0,
        sessions_held: c.milestones.filter((m) => isSession(m.name)).length,
        deadlines_met: c.deadlines.filter((d) => d.result === 'met').length,
        deadlines_missed: c.deadlines.filter((d) => d.result === 'missed').length,
        multi_agency: c.multiAgency.length > 0 ? 1 : 0,
        status: closedNow ? 'closed' : c.endedAt.length > 0 ? 'ended' : 'open',
        closed_month: closedNow ? month(last.closedAt) : '',
        days_open_to_close: closedNow ? daysBetween(londonDate(c.openedAt), londonDate(last.closedAt)) : '',
        outcome: closedNow ? last.outcome : '',
        outcome_expected: closedNow ? (last.expected ? 1 : 0) : '',
        reopened: c.reopenings.length,
        survey_satisfaction: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : '',
      };
      return EVALUATOR_DICTIONARY.map((d) => row[d.column]);
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

export function evaluatorCsv(rows: (string | number)[][]): string {
  // Every value is a key, a number, a month or a hex pseudonym: nothing to quote, but keep commas out regardless.
  const cell = (v: string | number) => String(v).replace(/[",\n\r]/g, ' ');
  return [EVALUATOR_DICTIONARY.map((d) => d.column), ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
