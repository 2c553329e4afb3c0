import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { DataReturnReceivedV1, type DataReturnView, type RecordDataReturnBody, type RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { fromDateColumn, toDateColumn } from '../staff/staff.repository';
import { DEFAULT_DATA_RETURN_RULE, dueOn } from './data-return-calendar';
import { LocalAuthorityRepository } from './local-authority.repository';
import { toDataReturnView } from './local-authority.view';
import { ProgrammeContract } from './programme-contract';

/**
 * Records a month's data return from a local authority: once per month, for a month from the one it
 * joined, and late when received after the due day the contract's rule gives. Publishes
 * `scheduling.data-return.received.v1`. The authority is locked, so the daily sweep never reminds of a
 * return being recorded at the same moment.
 */
@Injectable()
export class RecordDataReturnUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly authorities: LocalAuthorityRepository,
    private readonly contract: ProgrammeContract,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, localAuthorityId: string, body: RecordDataReturnBody): Promise<DataReturnView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.contract.assertKnown(tx, meta, contractId);
      const authority = await this.authorities.lock(tx, meta.organisationId, contractId, localAuthorityId);
      if (!authority) throw ProblemError.notFound('local authority', localAuthorityId);
      const now = this.clock.now();
      const today = londonDate(now);
      const onboardedOn = fromDateColumn(authority.onboardedOn);
      if (body.period < onboardedOn.slice(0, 7))
        throw ProblemError.validation([{ field: 'period', message: `is before ${authority.name} joined (${onboardedOn}); no return is due for it` }]);
      if (`${body.period}-01` > today) throw ProblemError.validation([{ field: 'period', message: 'has not begun yet' }]);
      if (body.receivedOn > today) throw ProblemError.validation([{ field: 'receivedOn', message: 'must not be in the future' }]);
      if (body.receivedOn < `${body.period}-01`) throw ProblemError.validation([{ field: 'receivedOn', message: 'is before the month the return covers' }]);
      const existing = (await this.authorities.returnsOf(tx, authority.id)).find((r) => r.period === body.period);
      if (existing)
        throw ProblemError.conflict(
          `${authority.name}’s return for ${body.period} was already recorded as received on ${fromDateColumn(existing.receivedOn)}.`,
        );
      const rule = (await this.authorities.rule(tx, contractId)) ?? DEFAULT_DATA_RETURN_RULE;
      const due = dueOn(body.period, rule);
      const row = await this.authorities.createReturn(tx, {
        localAuthorityId: authority.id,
        period: body.period,
        organisationId: meta.organisationId,
        dueOn: toDateColumn(due),
        receivedOn: toDateColumn(body.receivedOn),
        recordedAt: now,
        recordedBy: meta.actorId,
      });
      await this.events.append(tx, {
        definition: DataReturnReceivedV1,
        data: {
          localAuthorityId: authority.id,
          contractId,
          authorityKey: authority.key,
          name: authority.name,
          period: body.period,
          dueOn: due,
          receivedOn: body.receivedOn,
          late: body.receivedOn > due,
        },
        subject: authority.id,
        organisationId: meta.organisationId,
        contractId,
        sequence: 1,
        correlationId: meta.correlationId,
      });
      return toDataReturnView(authority, body.period, rule, today, row, await this.authorities.noticesOf(tx, authority.id));
    });
  }
}
