import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc, type RpcMeta } from '@mediation/protocol';

/** A person may be linked only to contracts their organisation really has, so a typo is a 400, not a silent dead link. */
@Injectable()
export class ContractLinks {
  constructor(private readonly rpc: RpcClient) {}

  async assertExist(meta: RpcMeta, contractIds: readonly string[]): Promise<void> {
    if (contractIds.length === 0) return;
    const { items } = await this.rpc.call(Rpc.intake.listContracts, { ...meta, restrictToContracts: undefined }, {});
    const known = new Set(items.map((contract) => contract.id));
    const errors = contractIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ field: `contractIds.${index}`, message: `is not a contract of your organisation` }],
    );
    if (errors.length > 0) throw ProblemError.validation(errors);
  }
}
