import { Injectable } from '@nestjs/common';
import type { ContractCounts } from '../generated/prisma/client';
import { ReportingDatabase, type ReportingTx } from '../database/reporting.database';

export type CountField = 'referralsReceived' | 'casesOpened' | 'casesOpen' | 'deadlinesBreached';
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

  list(organisationId: string): Promise<ContractCountsRecord[]> {
    return this.db.contractCounts.findMany({ where: { organisationId }, orderBy: { contractId: 'asc' } });
  }
}
