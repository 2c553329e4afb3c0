import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { inContractScope, type LineSessionRemindersBody, type LineSessionRemindersView, type RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { LineRemindersRepository } from './line-reminders.repository';

/**
 * Sets when a line's session reminders go: per-contract data beside the contract's definition (which rides in
 * the pinned `intake.contract.published.v2`). Sessions booked or moved from now on get alarms at the new times;
 * the reminder job and the sweep read them too, so an alarm already set finds its reminder's new time.
 */
@Injectable()
export class SetLineSessionRemindersUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly lines: LineRemindersRepository,
    private readonly book: ContractBook,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, serviceLine: string, body: LineSessionRemindersBody): Promise<LineSessionRemindersView> {
    return this.db.forTenant(meta, async (tx) => {
      if (!inContractScope(meta, contractId)) throw ProblemError.notFound('contract', contractId);
      const contract = await this.book.latest(tx, meta.organisationId, contractId, meta.correlationId);
      if (!contract) throw ProblemError.notFound('contract', contractId);
      if (!contract.definition.serviceLines.some((l) => l.key === serviceLine)) throw ProblemError.notFound('service line', serviceLine);
      await this.lines.set(tx, { contractId, serviceLine, organisationId: meta.organisationId, reminders: body.reminders, now: this.clock.now() });
      return { contractId, serviceLine, reminders: body.reminders, custom: true };
    });
  }
}
