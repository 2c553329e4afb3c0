import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { inContractScope, type RpcMeta, type SummaryView } from '@mediation/protocol';
import { ContractCountsRepository } from './contract-counts.repository';

@Injectable()
export class GetSummaryUseCase {
  constructor(
    private readonly counts: ContractCountsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta): Promise<SummaryView> {
    // A commissioner reads the figures of the contracts they are linked to, and no others.
    const rows = (await this.counts.list(meta.organisationId)).filter((row) => inContractScope(meta, row.contractId));
    return {
      contracts: rows.map(({ contractId, referralsReceived, casesOpened, casesOpen, deadlinesBreached }) => ({ contractId, referralsReceived, casesOpened, casesOpen, deadlinesBreached })),
      generatedAt: this.clock.now().toISOString(),
    };
  }
}
