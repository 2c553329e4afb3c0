import { Injectable } from '@nestjs/common';
import { Prisma, type CaseStatusChange } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type StatusChangeRecord = CaseStatusChange;

/** The status history of a case: one row per move, never changed. */
@Injectable()
export class StatusChangeRepository {
  create(tx: CaseworkTx, record: StatusChangeRecord): Promise<StatusChangeRecord> {
    // A JSON column takes DbNull, not null, for SQL NULL.
    return tx.caseStatusChange.create({ data: { ...record, recommendations: record.recommendations ?? Prisma.DbNull } });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<StatusChangeRecord[]> {
    return tx.caseStatusChange.findMany({ where: { caseId }, orderBy: { changedAt: 'asc' } });
  }
}
