import { Injectable } from '@nestjs/common';
import type { ContractCounts, OutcomeCounts } from '../generated/prisma/client';
import type { ReportingTx } from '../database/reporting.database';

export type CountField =
  | 'referralsReceived'
  | 'casesOpened'
  | 'casesOpen'
  | 'casesClosed'
  | 'casesClosedExpected'
  | 'casesReopened'
  | 'casesReopenedCounted'
  | 'deadlinesBreached'
  | 'deadlinesMet'
  | 'deadlinesMetLate';
/** Every count but the cases open now, which is a state, not something that happens on a day. */
export type DailyField = Exclude<CountField, 'casesOpen'>;
export type ContractCountsRecord = ContractCounts;
export type DailyTotals = { contractId: string } & Record<DailyField, number>;

/** Which contract and London days (YYYY-MM-DD, both included) a reading covers. */
export interface CountsFilter {
  contractId?: string;
  from?: string;
  to?: string;
}

const DAILY_FIELDS: readonly DailyField[] = [
  'referralsReceived',
  'casesOpened',
  'casesClosed',
  'casesClosedExpected',
  'casesReopened',
  'casesReopenedCounted',
  'deadlinesBreached',
  'deadlinesMet',
  'deadlinesMetLate',
];
const asDay = (day: string) => new Date(`${day}T00:00:00Z`);
const dayRange = (filter: CountsFilter) =>
  filter.from || filter.to ? { day: { ...(filter.from ? { gte: asDay(filter.from) } : {}), ...(filter.to ? { lte: asDay(filter.to) } : {}) } } : {};
const contract = (filter: CountsFilter) => (filter.contractId ? { contractId: filter.contractId } : {});

/** The counters of each contract: running totals, and the same by London day for date ranges. */
@Injectable()
export class ContractCountsRepository {
  /** Adds to the contract's counters and to those of the day it happened, creating rows on first sight. */
  async increment(tx: ReportingTx, organisationId: string, contractId: string, day: string, changes: Partial<Record<CountField, number>>): Promise<void> {
    const increments = (fields: Partial<Record<CountField, number>>) =>
      Object.fromEntries(Object.entries(fields).map(([field, by]) => [field, { increment: by }]));
    await tx.contractCounts.upsert({
      where: { organisationId_contractId: { organisationId, contractId } },
      create: { organisationId, contractId, ...changes },
      update: { ...increments(changes), updatedAt: new Date() },
    });
    const happened = Object.fromEntries(Object.entries(changes).filter(([field]) => field !== 'casesOpen')) as Partial<Record<DailyField, number>>;
    if (Object.keys(happened).length === 0) return;
    await tx.dailyCounts.upsert({
      where: { organisationId_contractId_day: { organisationId, contractId, day: asDay(day) } },
      create: { organisationId, contractId, day: asDay(day), ...happened },
      update: increments(happened),
    });
  }

  async countOutcome(tx: ReportingTx, organisationId: string, contractId: string, day: string, outcome: string): Promise<void> {
    await tx.outcomeCounts.upsert({
      where: { organisationId_contractId_outcome: { organisationId, contractId, outcome } },
      create: { organisationId, contractId, outcome, cases: 1 },
      update: { cases: { increment: 1 }, updatedAt: new Date() },
    });
    await tx.dailyOutcomeCounts.upsert({
      where: { organisationId_contractId_day_outcome: { organisationId, contractId, day: asDay(day), outcome } },
      create: { organisationId, contractId, day: asDay(day), outcome, cases: 1 },
      update: { cases: { increment: 1 } },
    });
  }

  /** A milestone reached on one of the contract's cases, on the London day it happened. */
  async countMilestone(tx: ReportingTx, organisationId: string, contractId: string, day: string, milestone: string): Promise<void> {
    await tx.milestoneCounts.upsert({
      where: { organisationId_contractId_day_milestone: { organisationId, contractId, day: asDay(day), milestone } },
      create: { organisationId, contractId, day: asDay(day), milestone, count: 1 },
      update: { count: { increment: 1 }, updatedAt: new Date() },
    });
  }

  /** Milestones reached per contract, on the days the filter covers (all of them without one). */
  async milestones(tx: ReportingTx, organisationId: string, filter: CountsFilter): Promise<{ contractId: string; milestone: string; count: number }[]> {
    const rows = await tx.milestoneCounts.groupBy({
      by: ['contractId', 'milestone'],
      where: { organisationId, ...contract(filter), ...dayRange(filter) },
      _sum: { count: true },
      orderBy: [{ contractId: 'asc' }, { milestone: 'asc' }],
    });
    return rows.map((row) => ({ contractId: row.contractId, milestone: row.milestone, count: row._sum.count ?? 0 }));
  }

  totals(tx: ReportingTx, organisationId: string, filter: CountsFilter): Promise<ContractCountsRecord[]> {
    return tx.contractCounts.findMany({ where: { organisationId, ...contract(filter) }, orderBy: { contractId: 'asc' } });
  }

  outcomes(tx: ReportingTx, organisationId: string, filter: CountsFilter): Promise<OutcomeCounts[]> {
    return tx.outcomeCounts.findMany({ where: { organisationId, ...contract(filter) }, orderBy: [{ contractId: 'asc' }, { outcome: 'asc' }] });
  }

  /** The days' counts added up per contract. */
  async betweenDays(tx: ReportingTx, organisationId: string, filter: CountsFilter): Promise<DailyTotals[]> {
    const rows = await tx.dailyCounts.groupBy({
      by: ['contractId'],
      where: { organisationId, ...contract(filter), ...dayRange(filter) },
      _sum: Object.fromEntries(DAILY_FIELDS.map((f) => [f, true])),
      orderBy: { contractId: 'asc' },
    });
    return rows.map((row) => ({
      contractId: row.contractId,
      ...(Object.fromEntries(DAILY_FIELDS.map((f) => [f, (row._sum as Record<string, number | null>)[f] ?? 0])) as Record<DailyField, number>),
    }));
  }

  async outcomesBetweenDays(tx: ReportingTx, organisationId: string, filter: CountsFilter): Promise<{ contractId: string; outcome: string; cases: number }[]> {
    const rows = await tx.dailyOutcomeCounts.groupBy({
      by: ['contractId', 'outcome'],
      where: { organisationId, ...contract(filter), ...dayRange(filter) },
      _sum: { cases: true },
      orderBy: [{ contractId: 'asc' }, { outcome: 'asc' }],
    });
    return rows.map((row) => ({ contractId: row.contractId, outcome: row.outcome, cases: row._sum.cases ?? 0 }));
  }
}
