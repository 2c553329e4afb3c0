import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';

export const FACTS_SCHEMA = Symbol('FACTS_SCHEMA');

/**
 * Writes the KPI read model. Each write is an idempotent upsert of one fact, so a repeated event
 * changes nothing and events of different types may arrive in any order (the inbox already drops
 * exact repeats; these keys make a replay into the same tables harmless too).
 */
@Injectable()
export class KpiFactsRepository {
  /** The schema the facts are written to: `reporting`, or the rebuild's fresh tables until they are swapped in. */
  constructor(@Optional() @Inject(FACTS_SCHEMA) private readonly schema: string = 'reporting') {}

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
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_case (case_id, organisation_id, contract_id, contract_version, service_line, reference, received_at, opened_at)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::timestamptz, $8::timestamptz)
      ON CONFLICT (case_id) DO NOTHING`,
      f.caseId,
      f.organisationId,
      f.contractId,
      f.contractVersion,
      f.serviceLine,
      f.reference,
      f.receivedAt,
      f.openedAt,
    );
  }

  async caseClosed(tx: ReportingTx, f: { organisationId: string; caseId: string; closedAt: string; outcome: string; outcomeExpected: boolean }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_closure (case_id, closed_at, organisation_id, outcome, outcome_expected)
      VALUES ($1::uuid, $2::timestamptz, $3::uuid, $4, $5)
      ON CONFLICT (case_id, closed_at) DO NOTHING`,
      f.caseId,
      f.closedAt,
      f.organisationId,
      f.outcome,
      f.outcomeExpected,
    );
  }

  async caseReopened(tx: ReportingTx, f: { organisationId: string; caseId: string; reopenedAt: string; previouslyClosedAt: string }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_reopening (case_id, reopened_at, organisation_id, previously_closed_at)
      VALUES ($1::uuid, $2::timestamptz, $3::uuid, $4::timestamptz)
      ON CONFLICT (case_id, reopened_at) DO NOTHING`,
      f.caseId,
      f.reopenedAt,
      f.organisationId,
      f.previouslyClosedAt,
    );
  }

  async caseEnded(tx: ReportingTx, f: { organisationId: string; caseId: string; endedAt: string; status: string }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_case_end (case_id, ended_at, organisation_id, status)
      VALUES ($1::uuid, $2::timestamptz, $3::uuid, $4)
      ON CONFLICT (case_id, ended_at) DO NOTHING`,
      f.caseId,
      f.endedAt,
      f.organisationId,
      f.status,
    );
  }

  /** When a deadline is due: the event with the highest sequence of the deadline says (a reschedule moves it). */
  async deadlineDue(tx: ReportingTx, f: DeadlineRef & { dueAt: string | null; sequence: number }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_deadline (deadline_id, organisation_id, case_id, rule, due_at, due_sequence)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, $6)
      ON CONFLICT (deadline_id) DO UPDATE SET due_at = EXCLUDED.due_at, due_sequence = EXCLUDED.due_sequence
      WHERE EXCLUDED.due_at IS NOT NULL AND (kpi_deadline.due_at IS NULL OR EXCLUDED.due_sequence >= kpi_deadline.due_sequence)`,
      f.deadlineId,
      f.organisationId,
      f.caseId,
      f.rule,
      f.dueAt,
      f.dueAt === null ? 0 : f.sequence,
    );
  }

  async deadlineMet(tx: ReportingTx, f: DeadlineRef & { metAt: string; late: boolean }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRawUnsafe(
      `UPDATE ${this.schema}.kpi_deadline SET met_at = $1::timestamptz, met_late = $2 WHERE deadline_id = $3::uuid`,
      f.metAt,
      f.late,
      f.deadlineId,
    );
  }

  async deadlineBreached(tx: ReportingTx, f: DeadlineRef & { breachedAt: string }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRawUnsafe(`UPDATE ${this.schema}.kpi_deadline SET breached_at = $1::timestamptz WHERE deadline_id = $2::uuid`, f.breachedAt, f.deadlineId);
  }

  async deadlineCancelled(tx: ReportingTx, f: DeadlineRef & { cancelledAt: string }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRawUnsafe(
      `UPDATE ${this.schema}.kpi_deadline SET cancelled_at = $1::timestamptz WHERE deadline_id = $2::uuid`,
      f.cancelledAt,
      f.deadlineId,
    );
  }

  /** A breach taken back: the deadline is now met on time, or cancelled, whatever else arrived. */
  async deadlineCorrected(tx: ReportingTx, f: DeadlineRef & { now: 'met' | 'cancelled' }): Promise<void> {
    await this.ensureDeadline(tx, f);
    await tx.$executeRawUnsafe(`UPDATE ${this.schema}.kpi_deadline SET corrected_to = $1 WHERE deadline_id = $2::uuid`, f.now, f.deadlineId);
  }

  async multiAgency(tx: ReportingTx, f: { organisationId: string; caseId: string; involvementId: string; from: string; to: string | null }): Promise<void> {
    // An ended period stays ended: `updated` (with its end) and `recorded` (maybe without) can arrive in either order.
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_multi_agency (involvement_id, organisation_id, case_id, from_day, to_day)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4::date, $5::date)
      ON CONFLICT (involvement_id) DO UPDATE SET from_day = EXCLUDED.from_day, to_day = COALESCE(EXCLUDED.to_day, kpi_multi_agency.to_day)`,
      f.involvementId,
      f.organisationId,
      f.caseId,
      f.from,
      f.to,
    );
  }

  async milestone(tx: ReportingTx, f: { organisationId: string; eventId: string; caseId: string; milestone: string; occurredAt: string }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_milestone (event_id, organisation_id, case_id, milestone, occurred_at)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz)
      ON CONFLICT (event_id) DO NOTHING`,
      f.eventId,
      f.organisationId,
      f.caseId,
      f.milestone,
      f.occurredAt,
    );
  }

  async surveyAnswered(
    tx: ReportingTx,
    f: { organisationId: string; invitationId: string; caseId: string; answeredAt: string; scores: Record<string, number>; flags: Record<string, boolean> },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_survey_answer (invitation_id, organisation_id, case_id, answered_at, scores, flags)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz, $5::jsonb, $6::jsonb)
      ON CONFLICT (invitation_id) DO NOTHING`,
      f.invitationId,
      f.organisationId,
      f.caseId,
      f.answeredAt,
      JSON.stringify(f.scores),
      JSON.stringify(f.flags),
    );
  }

  private async ensureDeadline(tx: ReportingTx, f: DeadlineRef): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_deadline (deadline_id, organisation_id, case_id, rule)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4) ON CONFLICT (deadline_id) DO NOTHING`,
      f.deadlineId,
      f.organisationId,
      f.caseId,
      f.rule,
    );
  }
}

export interface DeadlineRef {
  organisationId: string;
  deadlineId: string;
  caseId: string;
  rule: string;
}
