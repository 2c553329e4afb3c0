import { Injectable } from '@nestjs/common';
import type { Case } from '../generated/prisma/client';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';

export type CaseRecord = Case;

@Injectable()
export class CaseRepository {
  constructor(private readonly db: CaseworkDatabase) {}

  /** Inserts the case unless the referral already has one; returns null in that case. */
  async createForReferral(tx: CaseworkTx, record: Omit<CaseRecord, 'version'>): Promise<CaseRecord | null> {
    const existing = await tx.case.findFirst({ where: { organisationId: record.organisationId, referralId: record.referralId } });
    if (existing) return null;
    return tx.case.create({ data: record });
  }

  /** Case rows are behind row-level security: reads run in a transaction that names the tenant. */
  findById(organisationId: string, id: string): Promise<CaseRecord | null> {
    return this.db.run((tx) => tx.case.findFirst({ where: { organisationId, id } }), { organisationId });
  }
}
