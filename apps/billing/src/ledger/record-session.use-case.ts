import { Injectable } from '@nestjs/common';
import { EventNotReadyError } from '@mediation/messaging';
import type { BillingTx } from '../database/billing.database';
import { BillingCaseRepository } from './billing-case.repository';
import { RecordBillableFactUseCase } from './record-billable-fact.use-case';

export interface SessionFact {
  kind: 'session' | 'did-not-attend';
  organisationId: string;
  sessionId: string;
  caseId: string;
  sessionType: string;
  occurredAt: Date;
  correlationId: string;
}

/** A session held, or not attended: priced under the case's contract version, once per session whatever the redeliveries. */
@Injectable()
export class RecordSessionUseCase {
  constructor(
    private readonly cases: BillingCaseRepository,
    private readonly record: RecordBillableFactUseCase,
  ) {}

  async execute(tx: BillingTx, input: SessionFact): Promise<void> {
    const billingCase = await this.cases.find(tx, input.caseId);
    // The case's opening is another consumer's event: until it has arrived, retry (backoff, then the DLQ).
    if (!billingCase) throw new EventNotReadyError(`Billing has not yet seen case ${input.caseId} open; the session is priced once it has.`);
    await this.record.execute(tx, billingCase, {
      fact: { kind: input.kind, reference: billingCase.reference, sessionType: input.sessionType },
      sourceKey: `${input.kind}:${input.sessionId}`,
      occurredAt: input.occurredAt,
      correlationId: input.correlationId,
    });
  }
}
