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

  listForCase(tx: CaseworkTx, caseId: string): Promise<TaskRecord[]> {
    return tx.task.findMany({ where: { caseId }, orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] });
  }
}
