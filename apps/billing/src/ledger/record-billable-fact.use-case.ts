import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { uuidv7 } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import type { BillingCase } from '../generated/prisma/client';
import { contractYearAt } from '../pricing/billing-calendar';
import { priceFact, type BillableFact } from '../pricing/price-fact';
import { LedgerRepository } from './ledger.repository';
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
 * ledger, once per source key, then checks the contract's spend against its budget or cap.
 */
@Injectable()
export class RecordBillableFactUseCase {
  constructor(
    private readonly book: ContractBook,
    private readonly ledger: LedgerRepository,
    private readonly writer: LedgerWriter,
    private readonly alerts: SpendAlerts,
  ) {}

  async execute(tx: BillingTx, billingCase: BillingCase, input: FactOnCase): Promise<boolean> {
    const { organisationId, contractId, contractVersion, serviceLine } = billingCase;
    const contract = await this.book.require(tx, { organisationId, contractId, contractVersion }, input.correlationId);
    const line = contract.definition.serviceLines.find((l) => l.key === serviceLine);
    const year = contractYearAt(contract.definition.period?.start, input.occurredAt);
    const yearStart = new Date(`${year.from}T00:00:00Z`);
    let casesBefore = 0;
    if (input.fact.kind === 'case' && line?.pricing?.model === 'fixed-per-year') {
      await this.ledger.lockLineYear(tx, contractId, serviceLine, yearStart);
      casesBefore = await this.ledger.countCasesInYear(tx, organisationId, contractId, serviceLine, yearStart);
    }
    const priced = priceFact(line?.pricing, input.fact, casesBefore);
    if (!priced) return false;
    const appended = await this.writer.append(
      tx,
      {
        id: uuidv7(),
        organisationId,
        contractId,
        contractVersion,
        serviceLine,
        kind: input.fact.kind,
        sourceKey: input.sourceKey,
        caseId: billingCase.caseId,
        caseReference: billingCase.reference,
        description: priced.description,
        amountPence: priced.amountPence,
        occurredAt: input.occurredAt,
        contractYearStart: yearStart,
      },
      input.correlationId,
    );
    if (appended && priced.amountPence !== 0)
      await this.alerts.check(tx, organisationId, contract.definition, contractId, input.occurredAt, input.correlationId);
    return appended;
  }
}
