import { Injectable } from '@nestjs/common';
import { ExpiringCache, inTenant, onCommit } from '@mediation/platform';
import type { OrganisationProfile } from '@mediation/protocol';
import type { OrganisationProfile as OrganisationProfileRow } from '../generated/prisma/client';
import { NotifyDatabase, type NotifyTx } from '../database/notify.database';

/**
 * How long a profile read is reused: every email carries the organisation's name, and a busy organisation
 * would otherwise cost a read per email. A change handled by this replica is seen at once, by another within this.
 */
const PROFILE_REUSE_MS = 2_000;

@Injectable()
export class OrganisationProfileRepository {
  private readonly recent = new ExpiringCache<OrganisationProfile & { organisationId: string }>(PROFILE_REUSE_MS);

  constructor(private readonly db: NotifyDatabase) {}

  /** Keeps this version unless a newer one is kept already (a late copy; one organisation's events are handled in order). */
  async keepNewer(tx: NotifyTx, row: OrganisationProfileRow): Promise<void> {
    const kept = await tx.organisationProfile.findUnique({ where: { organisationId: row.organisationId }, select: { version: true } });
    if (kept && kept.version >= row.version) return;
    // After the commit: evicted sooner, a read in between could keep the old profile again.
    const evict = () => this.recent.evictWhere((profile) => profile.organisationId === row.organisationId);
    if (!onCommit(tx, evict)) evict();
    await tx.organisationProfile.upsert({ where: { organisationId: row.organisationId }, create: row, update: row });
  }

  /** Read in a transaction of the organisation's own tenant; null until its event has arrived. */
  async find(organisationId: string, tx?: NotifyTx): Promise<OrganisationProfile | null> {
    const cached = this.recent.get(organisationId);
    if (cached) return { name: cached.name, address: cached.address };
    const row = await inTenant(this.db, organisationId, tx, (t) => t.organisationProfile.findUnique({ where: { organisationId } }));
    if (!row) return null;
    const profile = { name: row.name, address: row.address.length ? row.address : null };
    this.recent.set(organisationId, { ...profile, organisationId });
    return profile;
  }
}
