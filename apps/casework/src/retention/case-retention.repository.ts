import { Injectable } from '@nestjs/common';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { Prisma, type Case, type CaseRetention, type CaseRetentionLog } from '../generated/prisma/client';

/** What anonymisation writes in place of personal data: the record stays, so counts still add up. */
export const ANONYMISED = '(anonymised)';
export const ANONYMISED_EMAIL = 'anonymised@anonymised.invalid';

export type RetainedCase = Case;
export type RetentionState = CaseRetention;
export type RetentionCounts = Record<string, number>;

@Injectable()
export class CaseRetentionRepository {
  constructor(private readonly db: CaseworkDatabase) {}

  /** The organisations with cases (casework.tenant holds only their ids, so any transaction may read it). */
  async organisationIds(): Promise<string[]> {
    const rows = await this.db.tenant.findMany({ select: { organisationId: true }, orderBy: { organisationId: 'asc' } });
    return rows.map((r) => r.organisationId);
  }

  /**
   * One organisation's cases closed before `closedBefore` (an outcome set: reopening clears it) or ended
   * before it (withdrawn, rejected: `ended_at`, cleared when the case leaves the ended state), not yet
   * anonymised nor held, a page at a time.
   */
  findClosedBefore(organisationId: string, closedBefore: Date, afterId: string | undefined, limit: number): Promise<RetainedCase[]> {
    return this.db.forTenant(organisationId, async (tx) => {
      const ids = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT c.id FROM casework."case" c LEFT JOIN casework.case_retention r ON r.case_id = c.id
            WHERE c.organisation_id = $1::uuid
              AND ((c.closed_at IS NOT NULL AND c.closed_at < $2 AND c.outcome IS NOT NULL) OR (c.ended_at IS NOT NULL AND c.ended_at < $2))
              AND (r.case_id IS NULL OR (r.legal_hold = false AND r.anonymised_at IS NULL))
              AND ($3::uuid IS NULL OR c.id > $3::uuid)
            ORDER BY c.id LIMIT $4`,
        organisationId,
        closedBefore,
        afterId ?? null,
        limit,
      );
      return ids.length === 0 ? [] : tx.case.findMany({ where: { organisationId, id: { in: ids.map((r) => r.id) } }, orderBy: { id: 'asc' } });
    });
  }

  findCase(tx: CaseworkTx, organisationId: string, caseId: string): Promise<RetainedCase | null> {
    return tx.case.findFirst({ where: { organisationId, id: caseId } });
  }

  stateOf(tx: CaseworkTx, organisationId: string, caseId: string): Promise<RetentionState | null> {
    return tx.caseRetention.findFirst({ where: { organisationId, caseId } });
  }

  /** Sets or releases the hold, and counts it as a change of the case (its version), for the event's sequence. */
  async setLegalHold(
    tx: CaseworkTx,
    c: Pick<Case, 'id' | 'organisationId'>,
    legalHold: boolean,
    reason: string,
    at: Date,
  ): Promise<{ case: RetainedCase; state: RetentionState }> {
    const state = await tx.caseRetention.upsert({
      where: { caseId: c.id },
      create: { caseId: c.id, organisationId: c.organisationId, legalHold, legalHoldReason: reason, updatedAt: at },
      update: { legalHold, legalHoldReason: reason, updatedAt: at },
    });
    const updated = await tx.case.update({ where: { id: c.id, organisationId: c.organisationId }, data: { version: { increment: 1 } } });
    return { case: updated, state };
  }

  log(tx: CaseworkTx, entry: Omit<CaseRetentionLog, 'details'> & { details?: Prisma.InputJsonObject }): Promise<CaseRetentionLog> {
    return tx.caseRetentionLog.create({ data: entry });
  }

  /**
   * Replaces the personal data of a case and everything recorded on it with the marker, keeping every
   * row (so counts, outcomes and dates are unchanged); null when it was held, reopened or anonymised
   * meanwhile. Sensitive notes stay sealed: `sealNote` seals the marker under the note's own context.
   */
  async anonymise(
    tx: CaseworkTx,
    c: Pick<Case, 'id' | 'organisationId'>,
    at: Date,
    sealNote: (noteId: string) => string,
  ): Promise<{ case: RetainedCase; counts: RetentionCounts } | null> {
    // The case row is locked first, so a reopening or a hold arriving now waits for this transaction or wins before it.
    const [locked] = await tx.$queryRawUnsafe<{ closed: boolean }[]>(
      `SELECT ((closed_at IS NOT NULL AND outcome IS NOT NULL) OR ended_at IS NOT NULL) AS closed FROM casework."case" WHERE id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`,
      c.id,
      c.organisationId,
    );
    if (!locked?.closed) return null;
    const claimed = await tx.$executeRawUnsafe(
      `INSERT INTO casework.case_retention (case_id, organisation_id, anonymised_at, updated_at) VALUES ($1::uuid, $2::uuid, $3, $3)
       ON CONFLICT (case_id) DO UPDATE SET anonymised_at = EXCLUDED.anonymised_at, updated_at = EXCLUDED.updated_at
        WHERE case_retention.legal_hold = false AND case_retention.anonymised_at IS NULL`,
      c.id,
      c.organisationId,
      at,
    );
    if (claimed !== 1) return null;
    await tx.case.updateMany({
      where: { id: c.id, organisationId: c.organisationId },
      data: { referrer: { name: ANONYMISED, email: ANONYMISED_EMAIL }, externalReference: null, version: { increment: 1 } },
    });
    const where = { caseId: c.id, organisationId: c.organisationId };
    const sql = (statement: string) => tx.$executeRawUnsafe(statement, ANONYMISED, c.id, c.organisationId);
    const counts: RetentionCounts = {};
    counts.parties = (
      await tx.party.updateMany({
        where,
        data: {
          name: ANONYMISED,
          email: null,
          phone: null,
          address: null,
          contactPreferences: Prisma.DbNull,
          accessibilityNeedsSealed: null,
          interpreterLanguage: null,
        },
      })
    ).count;
    const plainNotes = (await tx.note.updateMany({ where: { ...where, sensitive: false }, data: { body: ANONYMISED } })).count;
    const sensitiveNotes = await tx.note.findMany({ where: { ...where, sensitive: true }, select: { id: true } });
    for (const note of sensitiveNotes) await tx.note.update({ where: { id: note.id }, data: { body: sealNote(note.id) } });
    counts.notes = plainNotes + sensitiveNotes.length;
    // The communications log is append-only except for this job, which says so for its transaction only.
    await tx.$executeRawUnsafe(`SELECT set_config('app.retention', 'on', true)`);
    counts.communications = await sql(
      `UPDATE casework.communication SET counterpart = $1, subject = CASE WHEN subject IS NULL THEN NULL ELSE $1 END, summary = CASE WHEN summary IS NULL THEN NULL ELSE $1 END WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    await tx.$executeRawUnsafe(`SELECT set_config('app.retention', '', true)`);
    counts.complaints = await sql(
      `UPDATE casework.complaint SET complainant = $1, summary = $1, finding = CASE WHEN finding IS NULL THEN NULL ELSE $1 END, resolution = CASE WHEN resolution IS NULL THEN NULL ELSE $1 END WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    counts.tasks = await sql(`UPDATE casework.task SET title = $1 WHERE case_id = $2::uuid AND organisation_id = $3::uuid`);
    // Why a case was paused and who agreed it are free text that may name people; the pause's dates stay.
    counts.pauses = await sql(`UPDATE casework.case_pause SET reason = $1, agreed_with = $1 WHERE case_id = $2::uuid AND organisation_id = $3::uuid`);
    counts.riskAssessments = await sql(
      `UPDATE casework.risk_assessment SET measures = CASE WHEN measures IS NULL THEN NULL ELSE $1 END WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    counts.statusChanges = await sql(
      `UPDATE casework.case_status_change SET reason = CASE WHEN reason IS NULL THEN NULL ELSE $1 END, recommendations = NULL WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    counts.surveyInvitations = await sql(`UPDATE casework.survey_invitation SET party_name = $1 WHERE case_id = $2::uuid AND organisation_id = $3::uuid`);
    // Scores and yes/no answers stay for the satisfaction figures; free-text answers may name people, so they go.
    counts.surveyResponses = await sql(
      `UPDATE casework.survey_response SET answers = COALESCE((SELECT jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'string' THEN to_jsonb($1::text) ELSE value END) FROM jsonb_each(answers)), '{}'::jsonb) WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    // The issued PDF names the parties: its bytes go, its hash stays as evidence of what was sent.
    counts.caseReports = await sql(
      `UPDATE casework.case_report SET recipient_name = CASE WHEN recipient_name IS NULL THEN NULL ELSE $1 END, recipient_email = NULL, pdf = ''::bytea, size_bytes = 0 WHERE case_id = $2::uuid AND organisation_id = $3::uuid`,
    );
    const updated = await tx.case.findFirstOrThrow({ where: { id: c.id, organisationId: c.organisationId } });
    return { case: updated, counts };
  }
}
