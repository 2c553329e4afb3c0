import { Injectable } from '@nestjs/common';
import type { DataReturnRule, RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DEFAULT_DATA_RETURN_RULE } from './data-return-calendar';
import { LocalAuthorityRepository } from './local-authority.repository';
import { toLocalAuthorityView } from './local-authority.view';
import { ProgrammeContract } from './programme-contract';

/** The authorities taking part in a contract, by name, with the contract's data-return rule. */
@Injectable()
export class ListLocalAuthoritiesUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly authorities: LocalAuthorityRepository,
    private readonly contract: ProgrammeContract,
  ) {}

  execute(meta: RpcMeta, contractId: string) {
    return this.db.forTenant(meta, async (tx) => {
      await this.contract.assertKnown(tx, meta, contractId);
      const rule: DataReturnRule = (await this.authorities.rule(tx, contractId)) ?? DEFAULT_DATA_RETURN_RULE;
      const items = await this.authorities.listOfContract(tx, meta.organisationId, contractId);
      return { dataReturnRule: rule, items: items.map(toLocalAuthorityView) };
    });
  }
}
