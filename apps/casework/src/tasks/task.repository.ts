import { Injectable } from '@nestjs/common';
import type { Task } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type TaskRecord = Task;

@Injectable()
export class TaskRepository {
  create(tx: CaseworkTx, record: Omit<TaskRecord, 'completedAt' | 'completedBy'>): Promise<TaskRecord> {
    return tx.task.create({ data: record });
  }

  findById(tx: CaseworkTx, caseId: string, id: string): Promise<TaskRecord | null> {
    return tx.task.findFirst({ where: { caseId, id } });
  }

  complete(tx: CaseworkTx, id: string, completedAt: Date, completedBy: string): Promise<TaskRecord> {
    return tx.task.update({ where: { id }, data: { completedAt, completedBy } });
  }

  /** Open tasks across the organisation, due before `dueBefore` when given (overdue ones), earliest due first. */
  listOpen(tx: CaseworkTx, organisationId: string, filter: { dueBefore?: Date; assigneeStaffId?: string; limit: number }): Promise<TaskRecord[]> {
    return tx.task.findMany({
      where: {
        organisationId,
        completedAt: null,
        ...(filter.dueBefore ? { dueOn: { lt: filter.dueBefore } } : {}),
        ...(filter.assigneeStaffId ? { assigneeStaffId: filter.assigneeStaffId } : {}),
      },
      orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<TaskRecord[]> {
    return tx.task.findMany({ where: { caseId }, orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] });
  }
}
