import { Injectable } from '@nestjs/common';
import type { Prisma, Staff, StaffAccreditation, StaffAvailabilityException, StaffConflict } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type StaffRecord = Staff & { accreditations: StaffAccreditation[]; availabilityExceptions: StaffAvailabilityException[]; conflicts: StaffConflict[] };
export type StaffAccreditationRecord = StaffAccreditation;

const WITH_DETAILS = {
  accreditations: { orderBy: { issuedOn: 'asc' } },
  availabilityExceptions: { orderBy: { date: 'asc' } },
  conflicts: { orderBy: { declaredAt: 'asc' } },
} as const;

/** `YYYY-MM-DD` as the DATE columns store it. */
export const toDateColumn = (date: string) => new Date(`${date}T00:00:00Z`);
export const fromDateColumn = (date: Date) => date.toISOString().slice(0, 10);

@Injectable()
export class StaffRepository {
  async create(tx: SchedulingTx, data: Prisma.StaffUncheckedCreateInput): Promise<StaffRecord> {
    await tx.staff.create({ data });
    return (await this.find(tx, data.organisationId, data.id))!;
  }

  async emailTaken(tx: SchedulingTx, organisationId: string, email: string, exceptId?: string): Promise<boolean> {
    return (await tx.staff.count({ where: { organisationId, email, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
  }

  find(tx: SchedulingTx, organisationId: string, id: string): Promise<StaffRecord | null> {
    return tx.staff.findFirst({ where: { organisationId, id }, include: WITH_DETAILS });
  }

  findMany(tx: SchedulingTx, organisationId: string, ids: readonly string[]): Promise<StaffRecord[]> {
    return tx.staff.findMany({ where: { organisationId, id: { in: [...ids] } }, include: WITH_DETAILS });
  }

  list(tx: SchedulingTx, organisationId: string): Promise<StaffRecord[]> {
    return tx.staff.findMany({ where: { organisationId }, include: WITH_DETAILS, orderBy: { name: 'asc' } });
  }

  async update(tx: SchedulingTx, organisationId: string, id: string, data: Prisma.StaffUncheckedUpdateInput): Promise<StaffRecord> {
    await tx.staff.updateMany({ where: { organisationId, id }, data: { ...data, version: { increment: 1 } } });
    return (await this.find(tx, organisationId, id))!;
  }

  async addAccreditation(tx: SchedulingTx, data: Prisma.StaffAccreditationUncheckedCreateInput): Promise<void> {
    await tx.staffAccreditation.create({ data });
  }

  async addException(tx: SchedulingTx, data: Prisma.StaffAvailabilityExceptionUncheckedCreateInput): Promise<void> {
    await tx.staffAvailabilityException.create({ data });
  }

  async addConflict(tx: SchedulingTx, data: Prisma.StaffConflictUncheckedCreateInput): Promise<void> {
    await tx.staffConflict.create({ data });
  }

  /** Across organisations: accreditations expiring by `until` not yet warned of (the expiry job). */
  findToWarn(tx: SchedulingTx, today: Date, until: Date, limit: number): Promise<StaffAccreditationRecord[]> {
    return tx.staffAccreditation.findMany({
      where: {
        OR: [
          { expiresOn: { gte: today, lte: until }, expiringWarnedAt: null },
          { expiresOn: { lt: today }, expiredWarnedAt: null },
        ],
      },
      orderBy: { expiresOn: 'asc' },
      take: limit,
    });
  }

  async markWarned(tx: SchedulingTx, id: string, field: 'expiringWarnedAt' | 'expiredWarnedAt', at: Date): Promise<void> {
    await tx.staffAccreditation.update({ where: { id }, data: { [field]: at } });
  }
}
