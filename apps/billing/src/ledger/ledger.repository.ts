import { Injectable } from '@nestjs/common';
import { leanSql, lockForTransaction } from '@mediation/platform';
import { Prisma, type LedgerEntry } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';
import type { CaseBands, PricedFact } from '../pricing/price-fact';

export type NewLedgerEntry = Omit<LedgerEntry, 'recordedAt' | 'invoiceId' | 'correctsEntryId'> & { correctsEntryId?: string | null };

/**
 * The key of a contract line's year for `pg_advisory_xact_lock`: held while a case of a fixed-per-year line is counted and
 * appended, so two cases handled at once cannot both be "the fourth".
 */
export function lineYearLock(contractId: string, serviceLine: string, yearStart: Date): string {
  return `billing:${contractId}:${serviceLine}:${yearStart.toISOString().slice(0, 10)}`;
}

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

  /** Takes the lock of a line's year (see `lineYearLock`) in a statement of its own, for a caller who could not take it earlier. */
  async lockLineYear(tx: BillingTx, lock: string): Promise<void> {
    await lockForTransaction(tx, lock);
  }

  /**
   * Appends a case of a fixed-per-year line as the next of its contract year, priced by that ordinal, in one statement that
   * reads the year's count of cases (line_year_cases, one row a trigger keeps as case entries are appended) and inserts; the
   * caller holds the line year's lock from an earlier statement, so the count includes every case appended before it. Null,
   * appending nothing (and counting nothing), when the case's source key is taken.
   */
  async appendNextCase(tx: BillingTx, entry: Omit<NewLedgerEntry, 'amountPence' | 'description'>, bands: CaseBands): Promise<PricedFact | null> {
    const [appended] = await leanSql(tx).rows<PricedFact>(
      `WITH counted AS (
         SELECT coalesce((SELECT cases FROM "billing"."line_year_cases"
           WHERE organisation_id = $2::uuid AND contract_id = $3::uuid AND service_line = $5 AND contract_year_start = $10::date), 0) + 1 AS ordinal
       ), band AS (
         SELECT ordinal, $11::int IS NULL OR ordinal <= $11::int AS within FROM counted
       )
       INSERT INTO "billing"."ledger_entry" (id, organisation_id, contract_id, contract_version, service_line, kind, source_key, case_id,
         case_reference, occurred_at, contract_year_start, amount_pence, description)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::int, $5, 'case', $6, $7::uuid, $8, $9::timestamptz, $10::date,
         CASE WHEN within THEN $12::int ELSE $13::int END,
         CASE WHEN within THEN $14::text || ordinal || $15::text ELSE $16::text || ordinal || $17::text END
       FROM band
       ON CONFLICT DO NOTHING
       RETURNING amount_pence AS "amountPence", description`,
      entry.id,
      entry.organisationId,
      entry.contractId,
      entry.contractVersion,
      entry.serviceLine,
      entry.sourceKey,
      entry.caseId,
      entry.caseReference,
      entry.occurredAt,
      entry.contractYearStart,
      bands.included,
      bands.within.amountPence,
      bands.above.amountPence,
      ...bands.within.description,
      ...bands.above.description,
    );
    return appended ?? null;
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
