import { Injectable } from '@nestjs/common';
import type { BillingCase } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

@Injectable()
export class BillingCaseRepository {
  /** The first opening wins: a case runs under the version it opened under. */
  async keep(tx: BillingTx, row: BillingCase): Promise<void> {
    await tx.billingCase.createMany({ data: [row], skipDuplicates: true });
  }

  find(tx: BillingTx, caseId: string): Promise<BillingCase | null> {
    return tx.billingCase.findUnique({ where: { caseId } });
  }
}
