import { Injectable } from '@nestjs/common';
import type { Prisma, Referral } from '../generated/prisma/client';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';

export type ReferralRecord = Referral;

@Injectable()
export class ReferralRepository {
  constructor(private readonly db: IntakeDatabase) {}

  /** Numbers come from a sequence: no lock is shared between concurrent referrals. */
  async nextNumber(tx: IntakeTx): Promise<bigint> {
    const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('intake.referral_number_seq') AS n`);
    return BigInt(rows[0].n);
  }

  create(tx: IntakeTx, referral: Omit<ReferralRecord, 'version' | 'caseId' | 'answers'> & { answers: Prisma.InputJsonObject }): Promise<ReferralRecord> {
    return tx.referral.create({ data: { ...referral, referrer: referral.referrer ?? {}, parties: referral.parties ?? [] } });
  }

  findById(organisationId: string, id: string, tx: IntakeTx = this.db): Promise<ReferralRecord | null> {
    return tx.referral.findFirst({ where: { organisationId, id } });
  }

  /** Links the case once; returns null when it was already linked (a repeated event). */
  async linkCase(tx: IntakeTx, organisationId: string, id: string, caseId: string): Promise<ReferralRecord | null> {
    const { count } = await tx.referral.updateMany({ where: { organisationId, id, caseId: null }, data: { caseId, version: { increment: 1 } } });
    return count === 1 ? tx.referral.findFirst({ where: { organisationId, id } }) : null;
  }
}
