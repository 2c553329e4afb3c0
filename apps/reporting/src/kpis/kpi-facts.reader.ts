import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import { deadlineResult, type CaseFacts } from './kpi-engine';

interface CaseRow {
  case_id: string;
  reference: string;
  contract_version: number | null;
  service_line: string;
  received_at: Date;
  opened_at: Date;
}

/**
 * Reads the facts of a contract's cases back from the KPI read model (one query per table, joined in
 * memory by case), for the engine. Runs inside the caller's tenant transaction.
 */
@Injectable()
export class KpiFactsReader {
  async casesOf(tx: ReportingTx, organisationId: string, contractId: string): Promise<CaseFacts[]> {
    const cases = await tx.$queryRaw<CaseRow[]>`SELECT case_id::text, reference, contract_version, service_line, received_at, opened_at
      FROM reporting.kpi_case WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid ORDER BY opened_at, case_id`;
    if (cases.length === 0) return [];
    const ofContract = (table: string) =>
      `FROM reporting.${table} f JOIN reporting.kpi_case c ON c.case_id = f.case_id WHERE c.organisation_id = $1::uuid AND c.contract_id = $2::uuid`;
    const [closures, reopenings, deadlines, periods, milestones, surveys, ends] = await Promise.all([
      tx.$queryRawUnsafe<{ case_id: string; closed_at: Date; outcome: string; outcome_expected: boolean }[]>(
        `SELECT f.case_id::text, f.closed_at, f.outcome, f.outcome_expected ${ofContract('kpi_closure')} ORDER BY f.closed_at`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<{ case_id: string; reopened_at: Date; previously_closed_at: Date }[]>(
        `SELECT f.case_id::text, f.reopened_at, f.previously_closed_at ${ofContract('kpi_reopening')}`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<
        {
          case_id: string;
          deadline_id: string;
          rule: string;
          due_at: Date | null;
          met_at: Date | null;
          met_late: boolean | null;
          breached_at: Date | null;
          cancelled_at: Date | null;
          corrected_to: string | null;
        }[]
      >(
        `SELECT f.case_id::text, f.deadline_id::text, f.rule, f.due_at, f.met_at, f.met_late, f.breached_at, f.cancelled_at, f.corrected_to ${ofContract('kpi_deadline')}`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<{ case_id: string; from_day: string; to_day: string | null }[]>(
        `SELECT f.case_id::text, to_char(f.from_day, 'YYYY-MM-DD') AS from_day, to_char(f.to_day, 'YYYY-MM-DD') AS to_day ${ofContract('kpi_multi_agency')}`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<{ case_id: string; milestone: string; occurred_at: Date }[]>(
        `SELECT f.case_id::text, f.milestone, f.occurred_at ${ofContract('kpi_milestone')}`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<{ case_id: string; answered_at: Date; scores: Record<string, number> }[]>(
        `SELECT f.case_id::text, f.answered_at, f.scores ${ofContract('kpi_survey_answer')}`,
        organisationId,
        contractId,
      ),
      tx.$queryRawUnsafe<{ case_id: string; ended_at: Date }[]>(`SELECT f.case_id::text, f.ended_at ${ofContract('kpi_case_end')}`, organisationId, contractId),
    ]);
    const byCase = new Map<string, CaseFacts>(
      cases.map((c) => [
        c.case_id,
        {
          caseId: c.case_id,
          reference: c.reference,
          contractVersion: c.contract_version,
          serviceLine: c.service_line,
          receivedAt: c.received_at,
          openedAt: c.opened_at,
          closures: [],
          reopenings: [],
          deadlines: [],
          multiAgency: [],
          milestones: [],
          surveys: [],
          endedAt: [],
        },
      ]),
    );
    for (const r of closures) byCase.get(r.case_id)?.closures.push({ closedAt: r.closed_at, outcome: r.outcome, expected: r.outcome_expected });
    for (const r of reopenings) byCase.get(r.case_id)?.reopenings.push({ reopenedAt: r.reopened_at, previouslyClosedAt: r.previously_closed_at });
    for (const r of deadlines)
      byCase.get(r.case_id)?.deadlines.push({
        deadlineId: r.deadline_id,
        rule: r.rule,
        dueAt: r.due_at,
        result: deadlineResult({ metAt: r.met_at, metLate: r.met_late, breachedAt: r.breached_at, cancelledAt: r.cancelled_at, correctedTo: r.corrected_to }),
      });
    for (const r of periods) byCase.get(r.case_id)?.multiAgency.push({ from: r.from_day, to: r.to_day });
    for (const r of milestones) byCase.get(r.case_id)?.milestones.push({ name: r.milestone, occurredAt: r.occurred_at });
    for (const r of surveys) byCase.get(r.case_id)?.surveys.push({ answeredAt: r.answered_at, scores: r.scores });
    for (const r of ends) byCase.get(r.case_id)?.endedAt.push(r.ended_at);
    return [...byCase.values()];
  }
}
