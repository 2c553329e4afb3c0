import { Injectable, Logger } from '@nestjs/common';
import { EventNotReadyError } from '@mediation/messaging';
import type { IntakeTx } from '../database/intake.database';
import { ReferralRetentionRepository } from './referral-retention.repository';

export interface CaseHoldFacts {
  organisationId: string;
  caseId: string;
  held: boolean;
  /** The case's version after the change (the event's sequence). */
  sequence: number;
}

/**
 * A legal hold on a case covers the whole matter: the referrals it came from (and those joined to it)
 * are held while the case is, so their sealed answers are not anonymised while the case is kept for
 * court. The case's hold is kept apart from the referral's own, so releasing it leaves that one set.
 */
@Injectable()
export class HoldReferralsForCaseUseCase {
  private readonly logger = new Logger(HoldReferralsForCaseUseCase.name);

  constructor(private readonly retention: ReferralRetentionRepository) {}

  async execute(tx: IntakeTx, facts: CaseHoldFacts): Promise<void> {
    const { known, applied } = await this.retention.holdForCase(tx, facts.organisationId, facts.caseId, facts.held, facts.sequence);
    // The referral learns its case id from another consumer that may not have run yet: retried, not lost.
    if (known === 0) throw new EventNotReadyError(`no referral knows case ${facts.caseId} yet (its case-opened event is still on its way); retrying`);
    if (applied === 0)
      this.logger.debug({ caseId: facts.caseId, sequence: facts.sequence }, 'a newer legal hold change of the case was applied already; this one is ignored');
  }
}
