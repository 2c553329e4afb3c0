import { Injectable } from '@nestjs/common';
import type { Referral } from '../generated/prisma/client';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';
import { lockCase } from '../referrals/referral.repository';

/** What anonymisation leaves of a referral: enough to count it, nothing that identifies anyone. */
export const ANONYMISED_NAME = '(anonymised)';
export const ANONYMISED_EMAIL = 'anonymised@anonymised.invalid';

@Injectable()
export class ReferralRetentionRepository {
  constructor(private readonly db: IntakeDatabase) {}

  /** Records when the referral's case closed (or ended without an outcome); the retention period runs from then. */
  async markCaseClosed(tx: IntakeTx, organisationId: string, caseId: string, closedAt: Date): Promise<number> {
    const { count } = await tx.referral.updateMany({ where: { organisationId, caseId }, data: { caseClosedAt: closedAt } });
    return count;
  }

  /** A reopened case is live again: its retention period stops running. */
  async markCaseReopened(tx: IntakeTx, organisationId: string, caseId: string): Promise<number> {
    const { count } = await tx.referral.updateMany({ where: { organisationId, caseId }, data: { caseClosedAt: null } });
    return count;
  }

  /**
   * Holds (or releases) every referral of the case while casework holds the case, unless a newer change
   * of the case's hold was applied already (`sequence` is the case's version). Serialised per case with
   * the linking of a referral to it, so a referral joining the case at the same moment takes the hold.
   * Returns how many referrals know the case, and how many took this change.
   */
  async holdForCase(tx: IntakeTx, organisationId: string, caseId: string, held: boolean, sequence: number): Promise<{ known: number; applied: number }> {
    await lockCase(tx, caseId);
    const { count: applied } = await tx.referral.updateMany({
      where: { organisationId, caseId, OR: [{ caseHoldSequence: null }, { caseHoldSequence: { lt: sequence } }] },
      data: { heldByCase: held, caseHoldSequence: sequence },
    });
    const known = applied > 0 ? applied : await tx.referral.count({ where: { organisationId, caseId } });
    return { known, applied };
  }

  /**
   * One organisation's referrals whose case closed before `closedBefore`, or that were rejected before it
   * (a rejection is decided and stored as the referral is entered, so `enteredAt` is when it was rejected,
   * later than `receivedAt` for one entered late),
   * not yet anonymised nor held (on the referral itself or through its case), oldest first.
   */
  findClosedBefore(organisationId: string, closedBefore: Date, afterId: string | undefined, limit: number): Promise<Referral[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.referral.findMany({
        where: {
          organisationId,
          OR: [{ caseClosedAt: { not: null, lt: closedBefore } }, { status: 'rejected', enteredAt: { lt: closedBefore } }],
          anonymisedAt: null,
          legalHold: false,
          heldByCase: false,
          ...(afterId ? { id: { gt: afterId } } : {}),
        },
        orderBy: { id: 'asc' },
        take: limit,
      }),
    );
  }

  /** Replaces every personal detail; null when a legal hold (the referral's or its case's) was set or the case reopened meanwhile. */
  async anonymise(tx: IntakeTx, referral: Pick<Referral, 'id' | 'organisationId' | 'parties'>, at: Date): Promise<Referral | null> {
    const parties = (referral.parties as { role: string }[]).map((p) => ({ role: p.role, name: ANONYMISED_NAME }));
    const { count } = await tx.referral.updateMany({
      where: {
        id: referral.id,
        organisationId: referral.organisationId,
        legalHold: false,
        heldByCase: false,
        anonymisedAt: null,
        OR: [{ caseClosedAt: { not: null } }, { status: 'rejected' }],
      },
      data: {
        referrer: { name: ANONYMISED_NAME, email: ANONYMISED_EMAIL },
        parties,
        summary: ANONYMISED_NAME,
        answers: {},
        sealedAnswers: null,
        consent: [],
        externalReference: null,
        duplicateKey: null,
        anonymisedAt: at,
        version: { increment: 1 },
      },
    });
    if (count !== 1) return null;
    // A refusal for want of consent names who had not consented; the code says why, the names go.
    await tx.referral.updateMany({
      where: { id: referral.id, organisationId: referral.organisationId, rejectionCode: 'no-consent' },
      data: { rejectionReason: ANONYMISED_NAME },
    });
    return tx.referral.findFirst({ where: { id: referral.id, organisationId: referral.organisationId } });
  }
}
