import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { TaskRepository } from './task.repository';
import { toTaskView } from './task.view';

@Injectable()
export class ListTasksUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    const now = this.clock.now();
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.tasks.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map((row) => toTaskView(row, now)),
    }));
  }
}
