import { Injectable } from '@nestjs/common';
import { EventPublisher, PermanentEventError } from '@mediation/messaging';
import { ReferralCaseLinkedV1, type EventEnvelope } from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import { ReferralRepository } from './referral.repository';

export interface CaseOpenedFacts {
  organisationId: string;
  referralId: string;
  caseId: string;
  correlationId: string;
  causationId: string;
  /** The referral joined the open case of the same matter rather than opening one (casework.case.referral-linked.v1). */
  joinedExistingCase?: boolean;
}

/** Records on the referral the case casework opened for it, so the referrer can follow it. */
@Injectable()
export class LinkCaseUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: IntakeTx, facts: CaseOpenedFacts): Promise<void> {
    const linked = await this.referrals.linkCase(tx, facts.organisationId, facts.referralId, facts.caseId, facts.joinedExistingCase ?? false);
    if (!linked) {
      if (!(await this.referrals.findById(facts.organisationId, facts.referralId, tx))) {
        throw new PermanentEventError(`referral ${facts.referralId} does not exist in organisation ${facts.organisationId}`);
      }
      return;
    }
    await this.events.append(tx, {
      definition: ReferralCaseLinkedV1,
      data: { referralId: linked.id, caseId: facts.caseId },
      subject: linked.id,
      organisationId: linked.organisationId,
      contractId: linked.contractId,
      sequence: linked.version,
      correlationId: facts.correlationId,
      causationId: facts.causationId,
    });
  }
}

export function caseOpenedFacts(event: EventEnvelope<{ referralId: string; caseId: string }>): CaseOpenedFacts {
  return {
    organisationId: event.organisationid,
    referralId: event.data.referralId,
    caseId: event.data.caseId,
    correlationId: event.correlationid,
    causationId: event.id,
  };
}
