import { Injectable } from '@nestjs/common';
import { inContractScope, type DeadlineList, type RpcMeta } from '@mediation/protocol';
import { DeadlineRepository } from './deadline.repository';
import { toDeadlineView } from './deadline.view';

@Injectable()
export class ListCaseDeadlinesUseCase {
  constructor(private readonly deadlines: DeadlineRepository) {}

  /** A referrer or commissioner sees only the clocks of the contracts they are linked to. */
  async execute(meta: RpcMeta, caseId: string): Promise<DeadlineList> {
    const rows = await this.deadlines.listForCase(meta.organisationId, caseId);
    return { items: rows.filter((d) => inContractScope(meta, d.contractId)).map(toDeadlineView) };
  }
}
