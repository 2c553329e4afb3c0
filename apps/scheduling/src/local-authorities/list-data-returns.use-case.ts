import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { Clock, ProblemError } from '@mediation/platform';
import type { DataReturnList, RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DEFAULT_DATA_RETURN_RULE } from './data-return-calendar';
import { LocalAuthorityRepository } from './local-authority.repository';
import { returnPeriods, toDataReturnView } from './local-authority.view';
import { ProgrammeContract } from './programme-contract';

/** A local authority's data returns, every month from the one it joined: received, late, missing or awaited (London days). */
@Injectable()
export class ListDataReturnsUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly authorities: LocalAuthorityRepository,
    private readonly contract: ProgrammeContract,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, localAuthorityId: string): Promise<DataReturnList> {
    return this.db.forTenant(meta, async (tx) => {
      await this.contract.assertKnown(tx, meta, contractId);
      const authority = (await this.authorities.listOfContract(tx, meta.organisationId, contractId)).find((a) => a.id === localAuthorityId);
      if (!authority) throw ProblemError.notFound('local authority', localAuthorityId);
      const today = londonDate(this.clock.now());
      const rule = (await this.authorities.rule(tx, contractId)) ?? DEFAULT_DATA_RETURN_RULE;
      const [received, notices] = await Promise.all([this.authorities.returnsOf(tx, authority.id), this.authorities.noticesOf(tx, authority.id)]);
      return {
        items: returnPeriods(authority, received, today).map((period) =>
          toDataReturnView(
            authority,
            period,
            rule,
            today,
            received.find((r) => r.period === period),
            notices,
          ),
        ),
      };
    });
  }
}
