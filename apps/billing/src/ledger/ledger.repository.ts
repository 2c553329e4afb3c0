import { Injectable } from '@nestjs/common';
import { Prisma, type LedgerEntry } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

export type NewLedgerEntry = Omit<LedgerEntry, 'recordedAt' | 'invoiceId' | 'correctsEntryId'> & { correctsEntryId?: string | null };

/** The only SQL of the ledger. Entries are appended, never edited (a trigger refuses it); an invoice claims them. */
@Injectable()
export class LedgerRepository {
  /**
   * Appends unless the contract's source key is taken (a redelivered or repeated fact); true when appended. Unique per
   * (organisation, contract, source key): an instalment's or milestone's key names a line, and two contracts may share one.
   */
  async append(tx: BillingTx, entry: NewLedgerEntry): Promise<boolean> {
    const { count } = await tx.ledgerEntry.createMany({ data: [{ ...entry, correctsEntryId: entry.correctsEntryId ?? null }], skipDuplicates: true });
    return count === 1;
  }

  /** Serialises the pricing of one contract line's year, so two cases handled at once cannot both be "the fourth". */
  async lockLineYear(tx: BillingTx, contractId: string, serviceLine: string, yearStart: Date): Promise<void> {
    const key = `billing:${contractId}:${serviceLine}:${yearStart.toISOString().slice(0, 10)}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }

  countCasesInYear(tx: BillingTx, organisationId: string, contractId: string, serviceLine: string, yearStart: Date): Promise<number> {
    return tx.ledgerEntry.count({ where: { organisationId, contractId, serviceLine, kind: 'case', contractYearStart: yearStart, correctsEntryId: null } });
  }

  /** What an invoice for the period may claim: entries of the contract that happened before `before` and no invoice holds. */
  unclaimed(tx: BillingTx, organisationId: string, contractId: string, before: Date): Promise<LedgerEntry[]> {
    return tx.ledgerEntry.findMany({
      where: { organisationId, contractId, invoiceId: null, occurredAt: { lt: before }, amountPence: { not: 0 } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
  }

  async claim(tx: BillingTx, invoiceId: string, entryIds: string[]): Promise<void> {
    if (entryIds.length) await tx.ledgerEntry.updateMany({ where: { id: { in: entryIds }, invoiceId: null }, data: { invoiceId } });
  }

  /** A void draft or void invoice lets its entries be invoiced again. */
  async release(tx: BillingTx, invoiceId: string): Promise<void> {
    await tx.ledgerEntry.updateMany({ where: { invoiceId }, data: { invoiceId: null } });
  }

  byIds(tx: BillingTx, ids: string[]): Promise<LedgerEntry[]> {
    return tx.ledgerEntry.findMany({ where: { id: { in: ids } } });
  }

  /** Net spend recorded (credits included) for a contract, optionally within one contract year. */
  async spend(tx: BillingTx, organisationId: string, contractId: string, yearStart?: Date): Promise<number> {
    const where: Prisma.LedgerEntryWhereInput = { organisationId, contractId, ...(yearStart ? { contractYearStart: yearStart } : {}) };
    const sum = await tx.ledgerEntry.aggregate({ where, _sum: { amountPence: true } });
    return sum._sum.amountPence ?? 0;
  }

  inYear(tx: BillingTx, organisationId: string, contractId: string, yearStart: Date): Promise<LedgerEntry[]> {
    return tx.ledgerEntry.findMany({ where: { organisationId, contractId, contractYearStart: yearStart }, orderBy: { occurredAt: 'asc' } });
  }
}
