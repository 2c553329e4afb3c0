import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { ReferralLegalHoldChangedV1, type LegalHoldBody, type ReferralView, type RpcMeta } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import { GetReferralUseCase } from './get-referral.use-case';
import { ReferralRepository } from './referral.repository';

/** A legal hold keeps a referral's data past its retention period, until released. */
@Injectable()
export class SetLegalHoldUseCase {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly referrals: ReferralRepository,
    private readonly referral: GetReferralUseCase,
    private readonly events: EventPublisher,
  ) {}

  async execute(meta: RpcMeta, referralId: string, body: LegalHoldBody): Promise<ReferralView> {
    await this.referral.findInScope(meta, referralId);
    const updated = await this.db.forTenant(meta, async (tx) => {
      const row = await this.referrals.setLegalHold(tx, meta.organisationId, referralId, body.legalHold, body.reason);
      await this.events.append(tx, {
        definition: ReferralLegalHoldChangedV1,
        data: { referralId, legalHold: body.legalHold, reason: body.reason },
        subject: referralId,
        organisationId: meta.organisationId,
        contractId: row.contractId,
        sequence: row.version,
        correlationId: meta.correlationId,
      });
      return row;
    });
    return this.referral.view(updated);
  }
}
