import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { Clock } from '@mediation/platform';
import { PROVIDER_TASKS_LIMIT, type ProviderTaskList, type RpcMeta, type TasksQuery } from '@mediation/protocol';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { TaskRepository } from './task.repository';
import { toTaskView } from './task.view';

/**
 * Tasks across the provider's cases (a person's work queue): overdue means open and due on a London
 * day before today, as a task's own `overdue` says; cases outside the caller's contracts are left out.
 */
@Injectable()
export class ListProviderTasksUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly tasks: TaskRepository,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, query: TasksQuery): Promise<ProviderTaskList> {
    const now = this.clock.now();
    return this.db.forTenant(meta, async (tx) => {
      const rows = await this.tasks.listOpen(tx, meta.organisationId, {
        dueBefore: query.status === 'overdue' ? new Date(`${londonDate(now)}T00:00:00Z`) : undefined,
        assigneeStaffId: query.assigneeStaffId,
        limit: PROVIDER_TASKS_LIMIT,
      });
      const cases = await this.cases.referencesOf(
        tx,
        meta.organisationId,
        rows.map((r) => r.caseId),
        meta.restrictToContracts,
      );
      return {
        items: rows.flatMap((row) => {
          const c = cases.get(row.caseId);
          return c ? [{ ...toTaskView(row, now), contractId: c.contractId, caseReference: c.reference }] : [];
        }),
      };
    });
  }
}
