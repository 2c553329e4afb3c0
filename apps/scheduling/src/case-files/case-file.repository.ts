import { Injectable } from '@nestjs/common';
import type { CaseFile } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type CaseFileRecord = CaseFile;

@Injectable()
export class CaseFileRepository {
  /** Inserts the case file unless it exists; returns null then (a redelivered case.opened). */
  async createUnlessExists(tx: SchedulingTx, row: Omit<CaseFileRecord, 'dates'> & { dates: Record<string, string> }): Promise<CaseFileRecord | null> {
    const inserted = await tx.caseFile.createMany({ data: [row], skipDuplicates: true });
    return inserted.count === 0 ? null : tx.caseFile.findUnique({ where: { caseId: row.caseId } });
  }

  find(tx: SchedulingTx, organisationId: string, caseId: string): Promise<CaseFileRecord | null> {
    return tx.caseFile.findFirst({ where: { organisationId, caseId } });
  }

  setDates(tx: SchedulingTx, caseId: string, dates: Record<string, string>): Promise<CaseFileRecord> {
    return tx.caseFile.update({ where: { caseId }, data: { dates } });
  }

  async addAssignment(tx: SchedulingTx, row: { assignmentId: string; organisationId: string; caseId: string; staffId: string; role: string; name: string; email: string; assignedAt: Date }): Promise<void> {
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
