import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { inContractScope, type RpcMeta, type SummaryQuery, type SummaryView } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { ContractCountsRepository, type DailyField } from './contract-counts.repository';

type Counts = { contractId: string } & Record<DailyField, number>;

const NOTHING_HAPPENED: Record<DailyField, number> = {
  referralsReceived: 0,
  casesOpened: 0,
  casesClosed: 0,
  casesClosedExpected: 0,
  casesReopened: 0,
  casesReopenedCounted: 0,
  deadlinesBreached: 0,
  deadlinesMet: 0,
  deadlinesMetLate: 0,
};

/**
 * Counts per contract: the running totals, or, for a range of London days, what happened on those
 * days (referrals by receipt, closures by closing day); cases open are those open now either way.
 */
@Injectable()
export class GetSummaryUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly counts: ContractCountsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, query: SummaryQuery): Promise<SummaryView> {
    const dated = query.from !== undefined || query.to !== undefined;
    const { totals, happened, outcomes, milestones } = await this.db.forTenant(meta, async (tx) => {
      const totals = await this.counts.totals(tx, meta.organisationId, query);
      return {
        totals,
        happened: dated ? await this.counts.betweenDays(tx, meta.organisationId, query) : (totals as Counts[]),
        outcomes: dated ? await this.counts.outcomesBetweenDays(tx, meta.organisationId, query) : await this.counts.outcomes(tx, meta.organisationId, query),
        milestones: await this.counts.milestones(tx, meta.organisationId, query),
      };
    });
    const openNow = new Map(totals.map((row) => [row.contractId, row.casesOpen]));
    const outcomesOf = (contractId: string) => Object.fromEntries(outcomes.filter((o) => o.contractId === contractId).map((o) => [o.outcome, o.cases]));
    const milestonesOf = (contractId: string) => Object.fromEntries(milestones.filter((m) => m.contractId === contractId).map((m) => [m.milestone, m.count]));
    // A contract whose only news in the range is a milestone (a workshop delivered) is listed too, its counts at 0.
    const listed = new Set(happened.map((row) => row.contractId));
    const onlyMilestones = [...new Set(milestones.map((m) => m.contractId))]
      .filter((id) => !listed.has(id))
      .map((contractId) => ({ ...NOTHING_HAPPENED, contractId }));
    return {
      // A commissioner reads the figures of the contracts they are linked to, and no others.
      contracts: [...happened, ...onlyMilestones]
        .sort((a, b) => a.contractId.localeCompare(b.contractId))
        .filter((row) => inContractScope(meta, row.contractId))
        .map((row) => ({
          contractId: row.contractId,
          referralsReceived: row.referralsReceived,
          casesOpened: row.casesOpened,
          casesOpen: openNow.get(row.contractId) ?? 0,
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
      from: query.from ?? null,
      to: query.to ?? null,
      generatedAt: this.clock.now().toISOString(),
    };
  }
}
