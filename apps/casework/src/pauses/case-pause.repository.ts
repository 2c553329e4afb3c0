import { Injectable } from '@nestjs/common';
import type { CasePause } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type CasePauseRecord = CasePause;

@Injectable()
export class CasePauseRepository {
  /** Inserts the pause; the partial unique index refuses a second open pause of the case (P2002). */
  create(tx: CaseworkTx, record: Omit<CasePauseRecord, 'resumedAt'>): Promise<CasePauseRecord> {
    return tx.casePause.create({ data: { ...record, resumedAt: null } });
  }

  findOpen(tx: CaseworkTx, caseId: string): Promise<CasePauseRecord | null> {
    return tx.casePause.findFirst({ where: { caseId, resumedAt: null } });
  }

  /** The pause that ended last, so a backdated pause cannot overlap it. */
  findLastEnded(tx: CaseworkTx, caseId: string): Promise<CasePauseRecord | null> {
    return tx.casePause.findFirst({ where: { caseId, resumedAt: { not: null } }, orderBy: { resumedAt: 'desc' } });
  }

  end(tx: CaseworkTx, id: string, resumedAt: Date): Promise<CasePauseRecord> {
    return tx.casePause.update({ where: { id }, data: { resumedAt } });
  }

  /** When each of the cases was paused, for those paused now. */
  async openSince(tx: CaseworkTx, caseIds: string[]): Promise<Map<string, Date>> {
    if (caseIds.length === 0) return new Map();
    const rows = await tx.casePause.findMany({ where: { caseId: { in: caseIds }, resumedAt: null }, select: { caseId: true, pausedAt: true } });
    return new Map(rows.map((r) => [r.caseId, r.pausedAt]));
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CasePauseRecord[]> {
    return tx.casePause.findMany({ where: { caseId }, orderBy: { pausedAt: 'asc' } });
  }
}
