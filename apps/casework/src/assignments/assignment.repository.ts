import { Injectable } from '@nestjs/common';
import type { Assignment } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type AssignmentRecord = Assignment;

@Injectable()
export class AssignmentRepository {
  create(tx: CaseworkTx, record: Omit<AssignmentRecord, 'endedAt'>): Promise<AssignmentRecord> {
    return tx.assignment.create({ data: record });
  }

  findCurrent(tx: CaseworkTx, caseId: string, staffId: string, role: string): Promise<AssignmentRecord | null> {
    return tx.assignment.findFirst({ where: { caseId, staffId, role, endedAt: null } });
  }

  findById(tx: CaseworkTx, caseId: string, id: string): Promise<AssignmentRecord | null> {
    return tx.assignment.findFirst({ where: { caseId, id } });
  }

  end(tx: CaseworkTx, id: string, endedAt: Date): Promise<AssignmentRecord> {
    return tx.assignment.update({ where: { id }, data: { endedAt } });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<AssignmentRecord[]> {
    return tx.assignment.findMany({ where: { caseId }, orderBy: { assignedAt: 'asc' } });
  }

  currentFor(tx: CaseworkTx, caseIds: string[]): Promise<AssignmentRecord[]> {
    return tx.assignment.findMany({ where: { caseId: { in: caseIds }, endedAt: null }, orderBy: { assignedAt: 'asc' } });
  }

  async hasCurrent(tx: CaseworkTx, caseId: string, role: string): Promise<boolean> {
    return (await tx.assignment.count({ where: { caseId, role, endedAt: null } })) > 0;
  }
}
