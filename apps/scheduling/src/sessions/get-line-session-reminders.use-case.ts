import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type LineSessionRemindersView, type RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { LineRemindersRepository } from './line-reminders.repository';
import { SESSION_REMINDERS } from './session-reminder-times';

/** When a line's session reminders go: its own, or the defaults. */
@Injectable()
export class GetLineSessionRemindersUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly lines: LineRemindersRepository,
    private readonly book: ContractBook,
  ) {}

  execute(meta: RpcMeta, contractId: string, serviceLine: string): Promise<LineSessionRemindersView> {
    return this.db.forTenant(meta, async (tx) => {
      if (!inContractScope(meta, contractId)) throw ProblemError.notFound('contract', contractId);
      const contract = await this.book.latest(tx, meta.organisationId, contractId, meta.correlationId);
      if (!contract?.definition.serviceLines.some((l) => l.key === serviceLine)) throw ProblemError.notFound('service line', serviceLine);
      const own = await this.lines.find(tx, contractId, serviceLine);
      return { contractId, serviceLine, reminders: own ?? [...SESSION_REMINDERS], custom: own !== null };
    });
  }
}
