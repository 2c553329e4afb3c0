import { Injectable } from '@nestjs/common';
import { inTenant } from '@mediation/platform';
import type { OrganisationProfile } from '@mediation/protocol';
import type { OrganisationProfile as OrganisationProfileRow } from '../generated/prisma/client';
import { NotifyDatabase, type NotifyTx } from '../database/notify.database';

@Injectable()
export class OrganisationProfileRepository {
  constructor(private readonly db: NotifyDatabase) {}

  /** Keeps this version unless a newer one is kept already (a late copy; one organisation's events are handled in order). */
  async keepNewer(tx: NotifyTx, row: OrganisationProfileRow): Promise<void> {
    const kept = await tx.organisationProfile.findUnique({ where: { organisationId: row.organisationId }, select: { version: true } });
    if (kept && kept.version >= row.version) return;
    await tx.organisationProfile.upsert({ where: { organisationId: row.organisationId }, create: row, update: row });
  }

  /** Read in a transaction of the organisation's own tenant; null until its event has arrived. */
  async find(organisationId: string, tx?: NotifyTx): Promise<OrganisationProfile | null> {
    const row = await inTenant(this.db, organisationId, tx, (t) => t.organisationProfile.findUnique({ where: { organisationId } }));
    return row ? { name: row.name, address: row.address.length ? row.address : null } : null;
  }
}
