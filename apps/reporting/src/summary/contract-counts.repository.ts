import { Injectable } from '@nestjs/common';
import { leanSql, WrittenBeforeCommit } from '@mediation/platform';
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

/** Each counter's column, in contract_counts and (all but cases_open) in daily_counts. */
const COLUMNS: Record<CountField, string> = {
  referralsReceived: 'referrals_received',
  casesOpened: 'cases_opened',
  casesOpen: 'cases_open',
  casesClosed: 'cases_closed',
  casesClosedExpected: 'cases_closed_expected',
  casesReopened: 'cases_reopened',
  casesReopenedCounted: 'cases_reopened_counted',
  deadlinesBreached: 'deadlines_breached',
  deadlinesMet: 'deadlines_met',
  deadlinesMetLate: 'deadlines_met_late',
};
const ALL = Object.values(COLUMNS);
const DAILY = DAILY_FIELDS.map((field) => COLUMNS[field]);
const sums = (columns: string[]) => columns.map((c) => `sum(${c})`).join(', ');
const added = (columns: string[]) => columns.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');

/**
 * Every change a transaction made, summed per contract and per contract and day, in one statement: rows
 * in key order (so two transactions lock them in the same order), each contract's row locked once per
 * transaction however many of its events the batch held. A change names `daily` when it touches a
 * counter of the day (cases open now is a state, not something that happens on a day).
 */
const WRITE_CHANGES = `
  WITH c AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(organisation_id uuid, contract_id uuid, day date, daily boolean, ${ALL.map((col) => `${col} int`).join(', ')})
  ), totals AS (
    INSERT INTO reporting.contract_counts AS t (organisation_id, contract_id, ${ALL.join(', ')}, updated_at)
    SELECT organisation_id, contract_id, ${sums(ALL)}, now() FROM c GROUP BY organisation_id, contract_id ORDER BY organisation_id, contract_id
    ON CONFLICT (organisation_id, contract_id) DO UPDATE SET ${added(ALL)}, updated_at = EXCLUDED.updated_at
  )
  INSERT INTO reporting.daily_counts AS t (organisation_id, contract_id, day, ${DAILY.join(', ')})
  SELECT organisation_id, contract_id, day, ${sums(DAILY)} FROM c WHERE daily GROUP BY organisation_id, contract_id, day ORDER BY organisation_id, contract_id, day
  ON CONFLICT (organisation_id, contract_id, day) DO UPDATE SET ${added(DAILY)}`;

interface CountChange {
  organisationId: string;
  contractId: string;
  day: string;
  changes: Partial<Record<CountField, number>>;
}

/** The counters of each contract: running totals, and the same by London day for date ranges. */
@Injectable()
export class ContractCountsRepository {
  private readonly queued = new WrittenBeforeCommit<CountChange>((tx, changes) => this.write(tx as ReportingTx, changes));

  /**
   * Adds to the contract's counters and to those of the day it happened, creating rows on first sight;
   * written with the transaction's other changes just before it commits.
   */
  async increment(tx: ReportingTx, organisationId: string, contractId: string, day: string, changes: Partial<Record<CountField, number>>): Promise<void> {
    const change = { organisationId, contractId, day, changes };
    if (!this.queued.add(tx, [change])) await this.write(tx, [change]);
  }

  private async write(tx: ReportingTx, changes: CountChange[]): Promise<void> {
    const rows = changes.map(({ organisationId, contractId, day, changes: counted }) => ({
      organisation_id: organisationId,
      contract_id: contractId,
      day,
      daily: Object.keys(counted).some((field) => field !== 'casesOpen'),
      ...Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [column, counted[field as CountField] ?? 0])),
    }));
    await leanSql(tx).count(WRITE_CHANGES, JSON.stringify(rows));
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
