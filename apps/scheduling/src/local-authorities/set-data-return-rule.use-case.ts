import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { DataReturnRule, RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { LocalAuthorityRepository } from './local-authority.repository';
import { ProgrammeContract } from './programme-contract';

/** Sets when a contract's monthly data returns are due and reminded of; returns already received keep the due day they had. */
@Injectable()
export class SetDataReturnRuleUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly authorities: LocalAuthorityRepository,
    private readonly contract: ProgrammeContract,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, rule: DataReturnRule): Promise<DataReturnRule> {
    return this.db.forTenant(meta, async (tx) => {
      await this.contract.assertKnown(tx, meta, contractId);
      await this.authorities.setRule(tx, meta.organisationId, contractId, rule, this.clock.now());
      return rule;
    });
  }
}
