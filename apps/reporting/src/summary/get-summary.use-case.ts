import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { RpcMeta, SummaryView } from '@mediation/protocol';
import { ContractCountsRepository } from './contract-counts.repository';

@Injectable()
export class GetSummaryUseCase {
  constructor(
    private readonly counts: ContractCountsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta): Promise<SummaryView> {
    const rows = await this.counts.list(meta.organisationId);
    return {
      contracts: rows.map(({ contractId, referralsReceived, casesOpened, casesOpen, deadlinesBreached }) => ({ contractId, referralsReceived, casesOpened, casesOpen, deadlinesBreached })),
      generatedAt: this.clock.now().toISOString(),
    };
  }
}
