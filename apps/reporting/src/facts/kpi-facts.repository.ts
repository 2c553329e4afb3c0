import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';

/**
 * Writes the KPI read model. Each write is an idempotent upsert of one fact, so a repeated event
 * changes nothing and events of different types may arrive in any order (the inbox already drops
 * exact repeats; these keys make a replay into the same tables harmless too).
 */
@Injectable()
export class KpiFactsRepository {
  async caseOpened(
    tx: ReportingTx,
    f: {
      organisationId: string;
      caseId: string;
      contractId: string;
      contractVersion: number | null;
      serviceLine: string;
      reference: string;
      receivedAt: string;
      openedAt: string;
    },
  ): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_case (case_id, organisation_id, contract_id, contract_version, service_line, reference, received_at, opened_at)
      VALUES (${f.caseId}::uuid, ${f.organisationId}::uuid, ${f.contractId}::uuid, ${f.contractVersion}, ${f.serviceLine}, ${f.reference}, ${f.receivedAt}::timestamptz, ${f.openedAt}::timestamptz)
      ON CONFLICT (case_id) DO NOTHING`;
  }

  async caseClosed(tx: ReportingTx, f: { organisationId: string; caseId: string; closedAt: string; outcome: string; outcomeExpected: boolean }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_closure (case_id, closed_at, organisation_id, outcome, outcome_expected)
      VALUES (${f.caseId}::uuid, ${f.closedAt}::timestamptz, ${f.organisationId}::uuid, ${f.outcome}, ${f.outcomeExpected})
      ON CONFLICT (case_id, closed_at) DO NOTHING`;
  }

  async caseReopened(tx: ReportingTx, f: { organisationId: string; caseId: string; reopenedAt: string; previouslyClosedAt: string }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_reopening (case_id, reopened_at, organisation_id, previously_closed_at)
      VALUES (${f.caseId}::uuid, ${f.reopenedAt}::timestamptz, ${f.organisationId}::uuid, ${f.previouslyClosedAt}::timestamptz)
      ON CONFLICT (case_id, reopened_at) DO NOTHING`;
  }

  async caseEnded(tx: ReportingTx, f: { organisationId: string; caseId: string; endedAt: string; status: string }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_case_end (case_id, ended_at, organisation_id, status)
      VALUES (${f.caseId}::uuid, ${f.endedAt}::timestamptz, ${f.organisationId}::uuid, ${f.status})
      ON CONFLICT (case_id, ended_at) DO NOTHING`;
  }

  /** When a deadline is due: the event with the highest sequence of the deadline says (a reschedule moves it). */
  async deadlineDue(tx: ReportingTx, f: DeadlineRef & { dueAt: string | null; sequence: number }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_deadline (deadline_id, organisation_id, case_id, rule, due_at, due_sequence)
      VALUES (${f.deadlineId}::uuid, ${f.organisationId}::uuid, ${f.caseId}::uuid, ${f.rule}, ${f.dueAt}::timestamptz, ${f.dueAt === null ? 0 : f.sequence})
      ON CONFLICT (deadline_id) DO UPDATE SET due_at = EXCLUDED.due_at, due_sequence = EXCLUDED.due_sequence
      WHERE EXCLUDED.due_at IS NOT NULL AND (kpi_deadline.due_at IS NULL OR EXCLUDED.due_sequence >= kpi_deadline.due_sequence)`;
  }

  async deadlineMet(tx: ReportingTx, f: DeadlineRef & { metAt: string; late: boolean }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRaw`UPDATE reporting.kpi_deadline SET met_at = ${f.metAt}::timestamptz, met_late = ${f.late} WHERE deadline_id = ${f.deadlineId}::uuid`;
  }

  async deadlineBreached(tx: ReportingTx, f: DeadlineRef & { breachedAt: string }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRaw`UPDATE reporting.kpi_deadline SET breached_at = ${f.breachedAt}::timestamptz WHERE deadline_id = ${f.deadlineId}::uuid`;
  }

  async deadlineCancelled(tx: ReportingTx, f: DeadlineRef & { cancelledAt: string }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRaw`UPDATE reporting.kpi_deadline SET cancelled_at = ${f.cancelledAt}::timestamptz WHERE deadline_id = ${f.deadlineId}::uuid`;
  }

  /** A breach taken back: the deadline is now met on time, or cancelled, whatever else arrived. */
  async deadlineCorrected(tx: ReportingTx, f: DeadlineRef & { now: 'met' | 'cancelled' }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRaw`UPDATE reporting.kpi_deadline SET corrected_to = ${f.now} WHERE deadline_id = ${f.deadlineId}::uuid`;
  }

  async multiAgency(tx: ReportingTx, f: { organisationId: string; caseId: string; involvementId: string; from: string; to: string | null }): Promise<void> {
    // An ended period stays ended: `updated` (with its end) and `recorded` (maybe without) can arrive in either order.
    await tx.$executeRaw`INSERT INTO reporting.kpi_multi_agency (involvement_id, organisation_id, case_id, from_day, to_day)
      VALUES (${f.involvementId}::uuid, ${f.organisationId}::uuid, ${f.caseId}::uuid, ${f.from}::date, ${f.to}::date)
      ON CONFLICT (involvement_id) DO UPDATE SET from_day = EXCLUDED.from_day, to_day = COALESCE(EXCLUDED.to_day, kpi_multi_agency.to_day)`;
  }

  async milestone(tx: ReportingTx, f: { organisationId: string; eventId: string; caseId: string; milestone: string; occurredAt: string }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_milestone (event_id, organisation_id, case_id, milestone, occurred_at)
      VALUES (${f.eventId}::uuid, ${f.organisationId}::uuid, ${f.caseId}::uuid, ${f.milestone}, ${f.occurredAt}::timestamptz)
      ON CONFLICT (event_id) DO NOTHING`;
  }

  async surveyAnswered(
    tx: ReportingTx,
    f: { organisationId: string; invitationId: string; caseId: string; answeredAt: string; scores: Record<string, number>; flags: Record<string, boolean> },
  ): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_survey_answer (invitation_id, organisation_id, case_id, answered_at, scores, flags)
      VALUES (${f.invitationId}::uuid, ${f.organisationId}::uuid, ${f.caseId}::uuid, ${f.answeredAt}::timestamptz, ${JSON.stringify(f.scores)}::jsonb, ${JSON.stringify(f.flags)}::jsonb)
      ON CONFLICT (invitation_id) DO NOTHING`;
  }

  private async ensureDeadline(tx: ReportingTx, f: DeadlineRef): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.kpi_deadline (deadline_id, organisation_id, case_id, rule)
      VALUES (${f.deadlineId}::uuid, ${f.organisationId}::uuid, ${f.caseId}::uuid, ${f.rule}) ON CONFLICT (deadline_id) DO NOTHING`;
  }
}

export interface DeadlineRef {
  organisationId: string;
  deadlineId: string;
  caseId: string;
  rule: string;
}
