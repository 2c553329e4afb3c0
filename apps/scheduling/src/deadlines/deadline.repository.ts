import { Injectable } from '@nestjs/common';
import type { Deadline } from '../generated/prisma/client';
import { SchedulingDatabase, type SchedulingTx } from '../database/scheduling.database';

export type DeadlineRecord = Deadline;

@Injectable()
export class DeadlineRepository {
  constructor(private readonly db: SchedulingDatabase) {}

  /** Inserts the deadline unless the case already has one for that rule; returns null then. */
  async createUnlessExists(tx: SchedulingTx, record: Omit<DeadlineRecord, 'version' | 'firedAt'>): Promise<DeadlineRecord | null> {
    const existing = await tx.deadline.findFirst({ where: { organisationId: record.organisationId, caseId: record.caseId, rule: record.rule } });
    return existing ? null : tx.deadline.create({ data: record });
  }

  listForCase(organisationId: string, caseId: string): Promise<DeadlineRecord[]> {
    return this.db.deadline.findMany({ where: { organisationId, caseId }, orderBy: { dueAt: 'asc' } });
  }

  /** Locks the row so two firings (a job and the sweeper) cannot both breach it. */
  async lockById(tx: SchedulingTx, organisationId: string, id: string): Promise<DeadlineRecord | null> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM scheduling.deadline WHERE id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`, id, organisationId);
    return rows.length ? tx.deadline.findUnique({ where: { id } }) : null;
  }

  markBreached(tx: SchedulingTx, id: string, firedAt: Date): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'breached', firedAt, version: { increment: 1 } } });
  }

  /** Pending deadlines already due: what Redis lost, or what fell due while no worker ran. */
  findOverdue(now: Date, limit: number): Promise<Pick<DeadlineRecord, 'id' | 'organisationId'>[]> {
    return this.db.deadline.findMany({ where: { status: 'pending', dueAt: { lte: now } }, select: { id: true, organisationId: true }, orderBy: { dueAt: 'asc' }, take: limit });
  }

  /** Pending deadlines falling due soon, whose alarms the sweeper makes sure exist. */
  findDueBefore(now: Date, until: Date, limit: number): Promise<Pick<DeadlineRecord, 'id' | 'organisationId' | 'dueAt'>[]> {
    return this.db.deadline.findMany({ where: { status: 'pending', dueAt: { gt: now, lte: until } }, select: { id: true, organisationId: true, dueAt: true }, orderBy: { dueAt: 'asc' }, take: limit });
  }
}
