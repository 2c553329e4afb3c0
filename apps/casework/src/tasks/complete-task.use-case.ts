import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { TaskCompletedV1, type RpcMeta, type TaskView } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { TaskRepository } from './task.repository';
import { toTaskView } from './task.view';

@Injectable()
export class CompleteTaskUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, taskId: string, completedAt?: string): Promise<TaskView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const task = await this.tasks.findById(tx, c.id, taskId);
      if (!task) throw ProblemError.notFound('task on this case', taskId);
      if (task.completedAt) throw ProblemError.conflict(`The task was completed at ${task.completedAt.toISOString()}.`);
      const now = this.clock.now();
      const at = completedAt ? new Date(completedAt) : now;
      if (at.getTime() > now.getTime()) throw ProblemError.validation([{ field: 'completedAt', message: 'must not be in the future', code: 'in_future' }]);
      const done = await this.tasks.complete(tx, task.id, at, meta.actorId);
      await this.recordEvents.append(tx, meta, c, TaskCompletedV1, {
        taskId: done.id,
        dueOn: done.dueOn.toISOString().slice(0, 10),
        completedAt: at.toISOString(),
      });
      return toTaskView(done, now);
    });
  }
}
