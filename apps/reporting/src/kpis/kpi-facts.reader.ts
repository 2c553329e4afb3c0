import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import { deadlineResult, openedCase, type CaseFacts } from './kpi-engine';
import type { DayRange } from './kpi-period';

/** Which cases a period's KPIs can count: those with a fact in the period (with a day's margin), see `casesOf`. */
export interface FactsWindow {
  range: DayRange;
  /** The `atMonthsAfterOpening` of every KPI of every version applied: cases opened that long before the period count in it. */
  monthsAfterOpening: readonly number[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** Instants travel as epoch milliseconds: far cheaper for PostgreSQL to write and for JSON to read than timestamps. */
const at = (v: Json) => new Date(v as number);
const ms = (column: string) => `round(date_part('epoch', ${column}) * 1000)`;

/**
 * Reads the facts of a contract's cases back from the KPI read model for the engine, inside the caller's tenant
 * transaction: one statement, each table's rows as one JSON array (decoded at once, not row by row), joined in
 * memory by case. Given a window, only the cases that have a fact in it (opened, received, N months after
 * opening, closed, a deadline due, a milestone, a survey answer) are read: a superset of what any measure counts
 * in the period (a day's margin either side of its London days), so the engine's counting rules alone decide.
 */
@Injectable()
export class KpiFactsReader {
  /** The contract versions the contract's cases run under (null: opened before versions were kept). */
  async versionsOf(tx: ReportingTx, organisationId: string, contractId: string): Promise<(number | null)[]> {
    const rows = await tx.$queryRawUnsafe<{ v: number | null }[]>(
      `SELECT DISTINCT contract_version AS v FROM reporting.kpi_case WHERE organisation_id = $1::uuid AND contract_id = $2::uuid`,
      organisationId,
      contractId,
    );
    return rows.map((r) => r.v);
  }

  async casesOf(tx: ReportingTx, organisationId: string, contractId: string, window?: FactsWindow): Promise<CaseFacts[]> {
    const values: unknown[] = [organisationId, contractId];
    let which = 'TRUE';
    let dueIn = '';
    const { from, to } = window?.range ?? { from: null, to: null };
    if (from !== null || to !== null) {
      // Instants whose London day may fall in the period: from the day before its first day to the day after its last.
      values.push(from ?? '1900-01-01', to ?? '9999-12-30');
      const inWindow = (column: string) => `(${column} >= $3::date - 1 AND ${column} < $4::date + 2)`;
      const monthsBefore = (window?.monthsAfterOpening ?? []).map((n) => {
        // Day N months after opening in the period: opened within N months (and a few days, for month ends) before it.
        return `(c.opened_at >= $3::date - interval '${Number(n)} months' - interval '4 days' AND c.opened_at < $4::date - interval '${Number(n)} months' + interval '5 days')`;
      });
      const fact = (table: string, column: string) => `SELECT case_id FROM reporting.${table} WHERE organisation_id = $1::uuid AND ${inWindow(column)}`;
      // A deadline counts only in the period it is due in (deadline-met-rate), so the others are not read.
      dueIn = `WHERE ${inWindow('f.due_at')}`;
      which = `(${[inWindow('c.received_at'), inWindow('c.opened_at'), ...monthsBefore].join(' OR ')} OR c.case_id IN (${[
        fact('kpi_closure', 'closed_at'),
        fact('kpi_deadline', 'due_at'),
        fact('kpi_milestone', 'occurred_at'),
        fact('kpi_survey_answer', 'answered_at'),
      ].join(' UNION ')}))`;
    }
    const rows = (table: string, columns: string, order = 'f.case_id', where = '') =>
      `(SELECT coalesce(json_agg(json_build_array(${columns}) ORDER BY ${order}), '[]')::text FROM reporting.${table} f JOIN w USING (case_id) ${where})`;
    const [found] = await tx.$queryRawUnsafe<Record<string, string>[]>(
      `WITH w AS MATERIALIZED (
         SELECT c.case_id, c.reference, c.contract_version, c.service_line, c.received_at, c.opened_at FROM reporting.kpi_case c
         WHERE c.organisation_id = $1::uuid AND c.contract_id = $2::uuid AND ${which})
       SELECT
         (SELECT coalesce(json_agg(json_build_array(case_id, reference, contract_version, service_line, ${ms('received_at')}, ${ms('opened_at')}) ORDER BY opened_at, case_id), '[]')::text FROM w) AS cases,
         ${rows('kpi_closure', `f.case_id, ${ms('f.closed_at')}, f.outcome, f.outcome_expected`, 'f.closed_at, f.case_id')} AS closures,
         ${rows('kpi_reopening', `f.case_id, ${ms('f.reopened_at')}, ${ms('f.previously_closed_at')}`)} AS reopenings,
         ${rows('kpi_deadline', `f.case_id, f.deadline_id, f.rule, ${ms('f.due_at')}, ${ms('f.met_at')}, f.met_late, ${ms('f.breached_at')}, ${ms('f.cancelled_at')}, f.corrected_to`, 'f.case_id', dueIn)} AS deadlines,
         ${rows('kpi_multi_agency', 'f.case_id, f.from_day, f.to_day')} AS periods,
         ${rows('kpi_milestone', `f.case_id, f.milestone, ${ms('f.occurred_at')}`)} AS milestones,
         ${rows('kpi_survey_answer', `f.case_id, ${ms('f.answered_at')}, f.scores`)} AS surveys,
         ${rows('kpi_case_end', `f.case_id, ${ms('f.ended_at')}`)} AS ends,
         ${rows('kpi_complaint', `f.case_id, ${['received_at', 'acknowledge_by', 'respond_by', 'acknowledged_at'].map((c) => ms(`f.${c}`)).join(', ')}, f.acknowledged_late, ${ms('f.resolved_at')}`, 'f.case_id, f.received_at')} AS complaints`,
      ...values,
    );
    const table = (name: string) => JSON.parse(found[name]) as Json[][];
    const byCase = new Map<string, CaseFacts>();
    for (const [caseId, reference, contractVersion, serviceLine, receivedAt, openedAt] of table('cases'))
      byCase.set(
        caseId as string,
        openedCase({
          caseId: caseId as string,
          reference: reference as string,
          contractVersion: contractVersion as number | null,
          serviceLine: serviceLine as string,
          receivedAt: at(receivedAt),
          openedAt: at(openedAt),
        }),
      );
    const of = (caseId: Json) => byCase.get(caseId as string);
    for (const [caseId, closedAt, outcome, expected] of table('closures'))
      of(caseId)?.closures.push({ closedAt: at(closedAt), outcome: outcome as string, expected: expected === true });
    for (const [caseId, reopenedAt, previouslyClosedAt] of table('reopenings'))
      of(caseId)?.reopenings.push({ reopenedAt: at(reopenedAt), previouslyClosedAt: at(previouslyClosedAt) });
    for (const [caseId, deadlineId, rule, dueAt, metAt, metLate, breachedAt, cancelledAt, correctedTo] of table('deadlines'))
      of(caseId)?.deadlines.push({
        deadlineId: deadlineId as string,
        rule: rule as string,
        dueAt: dueAt === null ? null : at(dueAt),
        result: deadlineResult({
          metAt: metAt === null ? null : at(metAt),
          metLate: metLate as boolean | null,
          breachedAt: breachedAt === null ? null : at(breachedAt),
          cancelledAt: cancelledAt === null ? null : at(cancelledAt),
          correctedTo: correctedTo as string | null,
        }),
      });
    for (const [caseId, from, to] of table('periods')) of(caseId)?.multiAgency.push({ from: from as string, to: to as string | null });
    for (const [caseId, name, occurredAt] of table('milestones')) of(caseId)?.milestones.push({ name: name as string, occurredAt: at(occurredAt) });
    for (const [caseId, answeredAt, scores] of table('surveys'))
      of(caseId)?.surveys.push({ answeredAt: at(answeredAt), scores: scores as Record<string, number> });
    for (const [caseId, endedAt] of table('ends')) of(caseId)?.endedAt.push(at(endedAt));
    const maybe = (v: Json) => (v === null ? null : at(v));
    for (const [caseId, receivedAt, acknowledgeBy, respondBy, acknowledgedAt, acknowledgedLate, resolvedAt] of table('complaints'))
      of(caseId)?.complaints.push({
        receivedAt: maybe(receivedAt),
        acknowledgeBy: maybe(acknowledgeBy),
        respondBy: maybe(respondBy),
        acknowledgedAt: maybe(acknowledgedAt),
        acknowledgedLate: acknowledgedLate as boolean | null,
        resolvedAt: maybe(resolvedAt),
      });
    return [...byCase.values()];
  }
}
