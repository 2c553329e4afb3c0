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
    const [rows, outcomes, milestones] = await Promise.all([this.counts.list(meta.organisationId), this.counts.outcomes(meta.organisationId), this.counts.milestones(meta.organisationId)]);
    const outcomesOf = (contractId: string) => Object.fromEntries(outcomes.filter((o) => o.contractId === contractId).map((o) => [o.outcome, o.cases]));
    const milestonesOf = (contractId: string) => Object.fromEntries(milestones.filter((m) => m.contractId === contractId).map((m) => [m.milestone, m.count]));
    return {
      contracts: rows
        .filter((row) => inContractScope(meta, row.contractId))
        .map((row) => ({
          contractId: row.contractId,
          referralsReceived: row.referralsReceived,
          casesOpened: row.casesOpened,
          casesOpen: row.casesOpen,
          casesClosed: row.casesClosed,
          casesClosedExpected: row.casesClosedExpected,
          casesReopened: row.casesReopened,
          casesReopenedWithin12Months: row.casesReopenedCounted,
          deadlinesBreached: row.deadlinesBreached,
          deadlinesMet: row.deadlinesMet,
          deadlinesMetLate: row.deadlinesMetLate,
          outcomes: outcomesOf(row.contractId),
          milestones: milestonesOf(row.contractId),
        })),
      generatedAt: this.clock.now().toISOString(),
    };
  }
}
