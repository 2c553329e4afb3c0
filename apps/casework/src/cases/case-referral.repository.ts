import { Injectable } from '@nestjs/common';
import type { CaseworkTx } from '../database/casework.database';

@Injectable()
export class CaseReferralRepository {
  async link(tx: CaseworkTx, link: { organisationId: string; referralId: string; caseId: string; reference: string; linkedAt: Date }): Promise<boolean> {
    const existing = await tx.caseReferral.findFirst({ where: { organisationId: link.organisationId, referralId: link.referralId } });
    if (existing) return false;
    await tx.caseReferral.create({ data: link });
    return true;
  }

  async linkedTo(tx: CaseworkTx, caseIds: string[]): Promise<Map<string, string[]>> {
    const rows = await tx.caseReferral.findMany({ where: { caseId: { in: caseIds } }, orderBy: { linkedAt: 'asc' } });
    const byCase = new Map<string, string[]>();
    for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.referralId]);
    return byCase;
  }
}
