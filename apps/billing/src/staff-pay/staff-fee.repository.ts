import { Injectable } from '@nestjs/common';
import type { StaffFee } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

export type NewStaffFee = Omit<StaffFee, 'recordedAt'>;

/** The only SQL of staff fees: appended once per (session, staff), never edited (a trigger refuses it). */
@Injectable()
export class StaffFeeRepository {
  /** How many were appended: a redelivered session finds its rows taken. */
  async appendAll(tx: BillingTx, fees: NewStaffFee[]): Promise<number> {
    if (!fees.length) return 0;
    const { count } = await tx.staffFee.createMany({ data: fees, skipDuplicates: true });
    return count;
  }

  ofStaff(tx: BillingTx, organisationId: string, staffId: string, period?: string): Promise<StaffFee[]> {
    return tx.staffFee.findMany({ where: { organisationId, staffId, ...(period ? { period } : {}) }, orderBy: [{ heldAt: 'asc' }, { id: 'asc' }] });
  }

  ofMonth(tx: BillingTx, organisationId: string, period: string): Promise<StaffFee[]> {
    return tx.staffFee.findMany({ where: { organisationId, period }, orderBy: [{ heldAt: 'asc' }, { id: 'asc' }] });
  }
}
