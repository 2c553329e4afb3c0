import { Injectable } from '@nestjs/common';
import type { ContractCounts, MilestoneCounts, OutcomeCounts } from '../generated/prisma/client';
import { ReportingDatabase, type ReportingTx } from '../database/reporting.database';

export type CountField = 'referralsReceived' | 'casesOpened' | 'casesOpen' | 'casesClosed' | 'casesClosedExpected' | 'casesReopened' | 'casesReopenedCounted' | 'deadlinesBreached' | 'deadlinesMet' | 'deadlinesMetLate';
export type ContractCountsRecord = ContractCounts;

@Injectable()
export class ContractCountsRepository {
  constructor(private readonly db: ReportingDatabase) {}

  /** Adds to the contract's counters, creating its row on first sight. */
  increment(tx: ReportingTx, organisationId: string, contractId: string, changes: Partial<Record<CountField, number>>): Promise<unknown> {
    const increments = Object.fromEntries(Object.entries(changes).map(([field, by]) => [field, { increment: by }]));
    return tx.contractCounts.upsert({
      where: { organisationId_contractId: { organisationId, contractId } },
      create: { organisationId, contractId, ...changes },
      update: { ...increments, updatedAt: new Date() },
    });
  }

  countOutcome(tx: ReportingTx, organisationId: string, contractId: string, outcome: string): Promise<unknown> {
    return tx.outcomeCounts.upsert({
      where: { organisationId_contractId_outcome: { organisationId, contractId, outcome } },
      create: { organisationId, contractId, outcome, cases: 1 },
      update: { cases: { increment: 1 }, updatedAt: new Date() },
    });
  }

  countMilestone(tx: ReportingTx, organisationId: string, contractId: string, milestone: string): Promise<unknown> {
    return tx.milestoneCounts.upsert({
      where: { organisationId_contractId_milestone: { organisationId, contractId, milestone } },
      create: { organisationId, contractId, milestone, count: 1 },
      update: { count: { increment: 1 }, updatedAt: new Date() },
    });
  }

  /** Behind the tenant wall: read in a transaction that names the tenant. */
  milestones(organisationId: string): Promise<MilestoneCounts[]> {
    return this.db.run((tx) => tx.milestoneCounts.findMany({ where: { organisationId }, orderBy: [{ contractId: 'asc' }, { milestone: 'asc' }] }), { organisationId });
  }

  outcomes(organisationId: string): Promise<OutcomeCounts[]> {
    return this.db.run((tx) => tx.outcomeCounts.findMany({ where: { organisationId }, orderBy: [{ contractId: 'asc' }, { outcome: 'asc' }] }), { organisationId });
  }

  list(organisationId: string): Promise<ContractCountsRecord[]> {
    return this.db.run((tx) => tx.contractCounts.findMany({ where: { organisationId }, orderBy: { contractId: 'asc' } }), { organisationId });
  }
}
