import { Injectable } from '@nestjs/common';
import type { SpendAlert } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

@Injectable()
export class SpendAlertRepository {
  /** True the first time a threshold is recorded for the contract and year; later calls find it taken. */
  async record(tx: BillingTx, alert: Omit<SpendAlert, 'crossedAt'> & { crossedAt: Date }): Promise<boolean> {
    const { count } = await tx.spendAlert.createMany({ data: [alert], skipDuplicates: true });
    return count === 1;
  }

  list(tx: BillingTx, organisationId: string, contractId: string, contractYearStart: Date): Promise<SpendAlert[]> {
    return tx.spendAlert.findMany({ where: { organisationId, contractId, contractYearStart }, orderBy: { thresholdPercent: 'asc' } });
  }
}
