import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { uuidv7 } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import type { BillingCase } from '../generated/prisma/client';
import { contractYearAt } from '../pricing/billing-calendar';
import { priceFact, type BillableFact, type PricedFact } from '../pricing/price-fact';
import { LedgerRepository, lineYearLock } from './ledger.repository';
import { SpendAlerts } from './spend-alerts';
import { LedgerWriter } from './ledger-writer';

export interface FactOnCase {
  fact: BillableFact;
  /** Unique per billable thing, not per event: `case:<caseId>`, `session:<sessionId>`; a redelivery finds it taken. */
  sourceKey: string;
  occurredAt: Date;
  correlationId: string;
}

/**
 * Prices one fact on a case under the contract version the case opened under and appends it to the
 * ledger, once per source key, then checks the contract's spend against its budget or cap. A case of a
 * fixed-per-year line is priced by its ordinal in the year as it is appended, under its line year's lock.
 */
@Injectable()
export class RecordBillableFactUseCase {
  constructor(
    private readonly book: ContractBook,
    private readonly ledger: LedgerRepository,
    private readonly writer: LedgerWriter,
    private readonly alerts: SpendAlerts,
  ) {}

  /**
   * `held`: line-year locks the caller took already (see `locksFor`); any other lock the pricing needs is taken here, in a
   * statement of its own.
   */
  async execute(tx: BillingTx, billingCase: BillingCase, input: FactOnCase, held: readonly string[] = []): Promise<boolean> {
    const { contract, price, yearStart, lock } = await this.pricingOf(tx, billingCase, input);
    if (!price) return false;
    const { organisationId, contractId, contractVersion, serviceLine } = billingCase;
    const entry = {
      id: uuidv7(),
      organisationId,
      contractId,
      contractVersion,
      serviceLine,
      kind: input.fact.kind,
      sourceKey: input.sourceKey,
      caseId: billingCase.caseId,
      caseReference: billingCase.reference,
      occurredAt: input.occurredAt,
      contractYearStart: yearStart,
    };
    let priced: PricedFact | null;
    if ('byOrdinal' in price) {
      if (lock && !held.includes(lock)) await this.ledger.lockLineYear(tx, lock);
      priced = await this.writer.appendNextCase(tx, entry, price.byOrdinal, input.correlationId);
    } else {
      priced = (await this.writer.append(tx, { ...entry, ...price }, input.correlationId)) ? price : null;
    }
    if (priced && priced.amountPence !== 0) await this.alerts.check(tx, organisationId, contract.definition, contractId, input.occurredAt, input.correlationId);
    return priced !== null;
  }

  /** The line-year lock pricing this fact takes, for a caller to take in a statement it makes anyway; none unless a case is counted. */
  async locksFor(tx: BillingTx, billingCase: BillingCase, input: FactOnCase): Promise<string[]> {
    const { lock } = await this.pricingOf(tx, billingCase, input);
    return lock ? [lock] : [];
  }

  private async pricingOf(tx: BillingTx, billingCase: BillingCase, input: FactOnCase) {
    const { organisationId, contractId, contractVersion, serviceLine } = billingCase;
    const contract = await this.book.require(tx, { organisationId, contractId, contractVersion }, input.correlationId);
    const line = contract.definition.serviceLines.find((l) => l.key === serviceLine);
    const year = contractYearAt(contract.definition.period?.start, input.occurredAt);
    const yearStart = new Date(`${year.from}T00:00:00Z`);
    const price = priceFact(line?.pricing, input.fact);
    // A case counted in its line's year is priced by how many came before it: one at a time per line and year.
    const lock = price && 'byOrdinal' in price ? lineYearLock(contractId, serviceLine, yearStart) : null;
    return { contract, price, yearStart, lock };
  }
}
