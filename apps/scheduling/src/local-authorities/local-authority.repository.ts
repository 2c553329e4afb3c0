import { Injectable } from '@nestjs/common';
import type { DataReturn, LocalAuthority, Prisma } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';
import type { DataReturnRule } from '@mediation/protocol';

export type LocalAuthorityRecord = LocalAuthority;
export type DataReturnRecord = DataReturn;
export type NoticeKind = 'reminder' | 'missing';

/** The programme's local authorities, their data returns, the notices sent of them and each contract's rule. */
@Injectable()
export class LocalAuthorityRepository {
  create(tx: SchedulingTx, data: Prisma.LocalAuthorityUncheckedCreateInput): Promise<LocalAuthorityRecord> {
    return tx.localAuthority.create({ data });
  }

  findByKey(tx: SchedulingTx, organisationId: string, contractId: string, key: string): Promise<LocalAuthorityRecord | null> {
    return tx.localAuthority.findUnique({ where: { organisationId_contractId_key: { organisationId, contractId, key } } });
  }

  listOfContract(tx: SchedulingTx, organisationId: string, contractId: string): Promise<LocalAuthorityRecord[]> {
    return tx.localAuthority.findMany({ where: { organisationId, contractId }, orderBy: { name: 'asc' } });
  }

  /** Every authority of the organisation, for the daily sweep (behind the tenant wall). */
  listAll(tx: SchedulingTx, organisationId: string): Promise<LocalAuthorityRecord[]> {
    return tx.localAuthority.findMany({ where: { organisationId }, orderBy: { id: 'asc' } });
  }

  /** The authority, locked until the transaction ends: a return recorded and a notice sent of it apply one after the other. */
  async lock(tx: SchedulingTx, organisationId: string, contractId: string, id: string): Promise<LocalAuthorityRecord | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM scheduling.local_authority
      WHERE id = ${id}::uuid AND organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid FOR UPDATE`;
    return locked.length === 0 ? null : tx.localAuthority.findUnique({ where: { id } });
  }

  returnsOf(tx: SchedulingTx, localAuthorityId: string): Promise<DataReturnRecord[]> {
    return tx.dataReturn.findMany({ where: { localAuthorityId } });
  }

  createReturn(tx: SchedulingTx, data: Prisma.DataReturnUncheckedCreateInput): Promise<DataReturnRecord> {
    return tx.dataReturn.create({ data });
  }

  noticesOf(tx: SchedulingTx, localAuthorityId: string): Promise<{ period: string; kind: string; sentAt: Date }[]> {
    return tx.dataReturnNotice.findMany({ where: { localAuthorityId }, select: { period: true, kind: true, sentAt: true } });
  }

  /** Marks a notice sent; false when it already was (so it never goes twice). */
  async markNotice(
    tx: SchedulingTx,
    n: { localAuthorityId: string; period: string; kind: NoticeKind; organisationId: string; sentAt: Date },
  ): Promise<boolean> {
    const inserted = await tx.$executeRaw`INSERT INTO scheduling.data_return_notice (local_authority_id, period, kind, organisation_id, sent_at)
      VALUES (${n.localAuthorityId}::uuid, ${n.period}, ${n.kind}, ${n.organisationId}::uuid, ${n.sentAt}) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async rule(tx: SchedulingTx, contractId: string): Promise<DataReturnRule | null> {
    const row = await tx.dataReturnRule.findUnique({ where: { contractId } });
    return row ? { dueWorkingDays: row.dueWorkingDays, reminderWorkingDaysBefore: row.reminderWorkingDaysBefore } : null;
  }

  async setRule(tx: SchedulingTx, organisationId: string, contractId: string, rule: DataReturnRule, now: Date): Promise<void> {
    await tx.dataReturnRule.upsert({
      where: { contractId },
      create: { contractId, organisationId, ...rule, updatedAt: now },
      update: { ...rule, updatedAt: now },
    });
  }
}
