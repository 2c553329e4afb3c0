import { Injectable } from '@nestjs/common';
import { type ColumnsOf, leanSql, selectAs } from '@mediation/platform';
import type { CaseFile } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type CaseFileRecord = CaseFile;

/** A case file as its opening gives it; the other columns start at their defaults. */
export type NewCaseFile = Pick<
  CaseFileRecord,
  'caseId' | 'organisationId' | 'contractId' | 'contractVersion' | 'serviceLine' | 'reference' | 'receivedAt' | 'clockStartsAt' | 'openedAt'
> & { dates: Record<string, string> };

/** The column of each field of a case file (every field: the compiler says when the model grows one). */
const CASE_FILE_COLUMNS: ColumnsOf<CaseFileRecord> = {
  caseId: 'case_id',
  organisationId: 'organisation_id',
  contractId: 'contract_id',
  contractVersion: 'contract_version',
  serviceLine: 'service_line',
  reference: 'reference',
  receivedAt: 'received_at',
  clockStartsAt: 'clock_starts_at',
  openedAt: 'opened_at',
  dates: 'dates',
  pausedAt: 'paused_at',
  pauseId: 'pause_id',
  resumedPauseId: 'resumed_pause_id',
  datesSequence: 'dates_sequence',
  status: 'status',
  statusSequence: 'status_sequence',
};
const CASE_FILE_SELECT = selectAs(CASE_FILE_COLUMNS);

@Injectable()
export class CaseFileRepository {
  /** Inserts the case file unless it exists; returns null then (a redelivered case.opened). */
  async createUnlessExists(tx: SchedulingTx, file: NewCaseFile): Promise<CaseFileRecord | null> {
    // One statement on the transaction's connection (every case opened runs it): a repeat returns no row.
    const [inserted] = await leanSql(tx).rows<CaseFileRecord>(
      `INSERT INTO scheduling.case_file (case_id, organisation_id, contract_id, contract_version, service_line, reference, received_at, clock_starts_at, opened_at, dates)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10::jsonb)
       ON CONFLICT DO NOTHING RETURNING ${CASE_FILE_SELECT}`,
      file.caseId,
      file.organisationId,
      file.contractId,
      file.contractVersion,
      file.serviceLine,
      file.reference,
      file.receivedAt,
      file.clockStartsAt,
      file.openedAt,
      JSON.stringify(file.dates),
    );
    return inserted ?? null;
  }

  find(tx: SchedulingTx, organisationId: string, caseId: string): Promise<CaseFileRecord | null> {
    return tx.caseFile.findFirst({ where: { organisationId, caseId } });
  }

  /**
   * The case file, locked for the rest of the transaction: every handler that reads the case's pause or
   * state takes it first, so a pause and a clock starting (or a date change, a closure) apply one after
   * the other per case, and neither acts on what the other is about to change.
   */
  /** The open cases, within `contractIds` when given: whose breached clocks are still someone's work. */
  async openCaseIds(tx: SchedulingTx, organisationId: string, contractIds?: readonly string[]): Promise<string[]> {
    const rows = await tx.caseFile.findMany({
      where: { organisationId, status: 'open', ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
      select: { caseId: true },
    });
    return rows.map((r) => r.caseId);
  }

  /** The reference of each case, for lists across cases. */
  async referencesOf(tx: SchedulingTx, organisationId: string, caseIds: string[]): Promise<Map<string, string>> {
    const rows = await tx.caseFile.findMany({ where: { organisationId, caseId: { in: caseIds } }, select: { caseId: true, reference: true } });
    return new Map(rows.map((r) => [r.caseId, r.reference]));
  }

  async lock(tx: SchedulingTx, organisationId: string, caseId: string): Promise<CaseFileRecord | null> {
    const rows = await tx.$queryRawUnsafe<{ case_id: string }[]>(
      `SELECT case_id FROM scheduling.case_file WHERE case_id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`,
      caseId,
      organisationId,
    );
    return rows.length ? tx.caseFile.findUnique({ where: { caseId } }) : null;
  }

  /** Takes the dates of the case at version `sequence`, unless a newer change was applied already; returns null then. */
  async setDatesIfNewer(tx: SchedulingTx, caseId: string, dates: Record<string, string>, sequence: number): Promise<CaseFileRecord | null> {
    const updated = await tx.caseFile.updateMany({ where: { caseId, datesSequence: { lt: sequence } }, data: { dates, datesSequence: sequence } });
    return updated.count === 0 ? null : tx.caseFile.findUnique({ where: { caseId } });
  }

  /** Marks the case open, closed or ended; with the case version, only when it is newer than the last such change applied. */
  async setStatus(tx: SchedulingTx, caseId: string, status: 'open' | 'closed' | 'ended', sequence?: number): Promise<void> {
    if (sequence === undefined) await tx.caseFile.update({ where: { caseId }, data: { status } });
    else await tx.caseFile.updateMany({ where: { caseId, statusSequence: { lt: sequence } }, data: { status, statusSequence: sequence } });
  }

  /** The case was paused: pausable clocks starting from now on start paused. */
  async setPause(tx: SchedulingTx, caseId: string, pause: { pauseId: string; pausedAt: Date }): Promise<void> {
    await tx.caseFile.update({ where: { caseId }, data: { pauseId: pause.pauseId, pausedAt: pause.pausedAt } });
  }

  /** The pause ended; remembering which, so its resume delivered again is recognised. */
  async clearPause(tx: SchedulingTx, caseId: string, pauseId: string): Promise<void> {
    await tx.caseFile.update({ where: { caseId }, data: { pauseId: null, pausedAt: null, resumedPauseId: pauseId } });
  }

  async addAssignment(
    tx: SchedulingTx,
    row: { assignmentId: string; organisationId: string; caseId: string; staffId: string; role: string; name: string; email: string; assignedAt: Date },
  ): Promise<void> {
    await tx.caseAssignment.createMany({ data: [row], skipDuplicates: true });
  }

  async endAssignment(tx: SchedulingTx, organisationId: string, assignmentId: string, endedAt: Date): Promise<void> {
    await tx.caseAssignment.updateMany({ where: { organisationId, assignmentId, endedAt: null }, data: { endedAt } });
  }

  /** The staff assigned to a case now, once each: who its reminders go to. */
  async recipients(tx: SchedulingTx, organisationId: string, caseId: string): Promise<{ name: string; email: string }[]> {
    const rows = await tx.caseAssignment.findMany({ where: { organisationId, caseId, endedAt: null }, orderBy: { assignedAt: 'asc' } });
    const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), { name: r.name, email: r.email }]));
    return [...byEmail.values()];
  }
}

/** A case file's dates as the rules read them. */
export function datesOf(file: Pick<CaseFileRecord, 'dates'>): Record<string, string> {
  return (file.dates ?? {}) as Record<string, string>;
}
