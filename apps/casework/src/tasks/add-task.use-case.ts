import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { TaskAddedV1, uuidv7, type AddTaskBody, type RpcMeta, type TaskView } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { TaskRepository } from './task.repository';
import { toTaskView } from './task.view';

@Injectable()
export class AddTaskUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: AddTaskBody): Promise<TaskView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const row = await this.tasks.create(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        title: body.title,
        dueOn: new Date(`${body.dueOn}T00:00:00Z`),
        assigneeStaffId: body.assigneeStaffId ?? null,
        createdBy: meta.actorId,
        createdAt: this.clock.now(),
      });
      await this.recordEvents.append(tx, meta, c, TaskAddedV1, {
        taskId: row.id,
        dueOn: body.dueOn,
        assigneeStaffId: row.assigneeStaffId,
        addedAt: row.createdAt.toISOString(),
      });
      return toTaskView(row, row.createdAt);
    });
  }
}
