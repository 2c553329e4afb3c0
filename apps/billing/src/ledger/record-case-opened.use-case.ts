import { Injectable } from '@nestjs/common';
import type { CaseOpenedV2, EventData, EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { BillingCaseRepository } from './billing-case.repository';
import { RecordBillableFactUseCase } from './record-billable-fact.use-case';

/** A case opened: billing remembers the version it runs under, and a fixed-per-year line counts it (seed 001 §2.1-2.2). */
@Injectable()
export class RecordCaseOpenedUseCase {
  constructor(
    private readonly cases: BillingCaseRepository,
    private readonly record: RecordBillableFactUseCase,
  ) {}

  async execute(tx: BillingTx, event: EventEnvelope<EventData<typeof CaseOpenedV2>>): Promise<void> {
    const data = event.data;
    const opening = {
      caseId: data.caseId,
      organisationId: event.organisationid,
      contractId: data.contractId,
      contractVersion: data.contractVersion,
      serviceLine: data.serviceLine,
      reference: data.reference,
      openedAt: new Date(data.openedAt),
    };
    // Counted in the contract year the referral arrived in, as intake's yearly cap counts it.
    const fact = {
      fact: { kind: 'case' as const, reference: data.reference },
      sourceKey: `case:${data.caseId}`,
      occurredAt: new Date(data.receivedAt),
      correlationId: event.correlationid,
    };
    // The opening takes the lock its pricing needs, saving that a statement; a case kept already on another line takes that line's itself.
    const locks = await this.record.locksFor(tx, opening, fact);
    const billingCase = await this.cases.open(tx, opening, locks);
    if (!billingCase) return;
    await this.record.execute(tx, billingCase, fact, locks);
  }
}
