import { Injectable } from '@nestjs/common';
import type { Milestone } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type MilestoneRecord = Milestone;

@Injectable()
export class MilestoneRepository {
  create(tx: CaseworkTx, record: MilestoneRecord): Promise<MilestoneRecord> {
    return tx.milestone.create({ data: record });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<MilestoneRecord[]> {
    return tx.milestone.findMany({ where: { caseId }, orderBy: { occurredAt: 'asc' } });
  }
}
