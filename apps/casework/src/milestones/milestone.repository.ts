import { Injectable } from '@nestjs/common';
import type { Milestone } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type MilestoneRecord = Milestone;

@Injectable()
export class MilestoneRepository {
  create(tx: CaseworkTx, record: MilestoneRecord): Promise<MilestoneRecord> {
    return tx.milestone.create({ data: record });
  }

  /** Whether the case already has the milestone something recorded (e.g. `session:<id>`), so a repeat adds nothing. */
  async existsWithSource(tx: CaseworkTx, caseId: string, source: string): Promise<boolean> {
    return (await tx.milestone.count({ where: { caseId, source } })) > 0;
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<MilestoneRecord[]> {
    return tx.milestone.findMany({ where: { caseId }, orderBy: { occurredAt: 'asc' } });
  }
}
