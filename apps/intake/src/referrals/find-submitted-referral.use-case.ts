import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type CreateReferralBody, type ReferralView, type RpcMeta } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import { GetReferralUseCase } from './get-referral.use-case';
import { referralRequestHash } from './referral-idempotency';
import { ReferralRepository, type ReferralRecord } from './referral.repository';

/**
 * The referral already stored under a client's Idempotency-Key, for the same request: a repeat of a
 * submission answers with it, and a gateway reconciles a key another gateway left in progress. The
 * same key with another body is a 409.
 */
@Injectable()
export class FindSubmittedReferralUseCase {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly referrals: ReferralRepository,
    private readonly stored: GetReferralUseCase,
  ) {}

  async execute(meta: RpcMeta, request: CreateReferralBody & { idempotencyKey: string }): Promise<ReferralView | null> {
    const { idempotencyKey, ...body } = request;
    const row = await this.db.forTenant(meta, (tx) => this.referrals.findByIdempotencyKey(tx, meta.organisationId, idempotencyKey));
    return row ? this.answer(meta, body, row) : null;
  }

  /** The referral stored under the key answers a repeat of the request it was stored for. */
  async answer(meta: RpcMeta, body: CreateReferralBody, row: ReferralRecord): Promise<ReferralView> {
    if (row.idempotencyRequestHash !== referralRequestHash(body) || !inContractScope(meta, row.contractId))
      throw ProblemError.conflict('This Idempotency-Key was used with a different request body.');
    return this.stored.view(row);
  }
}
