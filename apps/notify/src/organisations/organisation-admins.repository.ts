import { Injectable } from '@nestjs/common';
import type { NotifyTx } from '../database/notify.database';

export interface OrganisationAdmin {
  userId: string;
  name: string;
  email: string;
}

/** Notify's copy of each organisation's active provider-admins: the only code that reads or writes it. */
@Injectable()
export class OrganisationAdminsRepository {
  /** Keeps this list unless a later one is kept already (a late copy). */
  async keepLater(tx: NotifyTx, organisationId: string, admins: OrganisationAdmin[], changedAt: Date): Promise<void> {
    const kept = await tx.organisationAdmins.findUnique({ where: { organisationId }, select: { changedAt: true } });
    if (kept && kept.changedAt > changedAt) return;
    const row = { organisationId, admins: admins.map((a) => ({ ...a })), changedAt };
    await tx.organisationAdmins.upsert({ where: { organisationId }, create: row, update: row });
  }

  /** The organisation's active provider-admins; null until the gateway's list has arrived. */
  async find(tx: NotifyTx, organisationId: string): Promise<OrganisationAdmin[] | null> {
    const row = await tx.organisationAdmins.findUnique({ where: { organisationId } });
    return row ? (row.admins as unknown as OrganisationAdmin[]) : null;
  }
}
