import { Injectable } from '@nestjs/common';
import type { OrganisationProfile } from '@mediation/protocol';
import type { OrganisationProfile as OrganisationProfileRow } from '../generated/prisma/client';
import type { EvidenceTx } from '../database/evidence.database';

@Injectable()
export class OrganisationProfileRepository {
  /** Keeps this version unless a newer one is kept already (a late copy). */
  async keepNewer(tx: EvidenceTx, row: OrganisationProfileRow): Promise<void> {
    const kept = await tx.organisationProfile.findUnique({ where: { organisationId: row.organisationId }, select: { version: true } });
    if (kept && kept.version >= row.version) return;
    await tx.organisationProfile.upsert({ where: { organisationId: row.organisationId }, create: row, update: row });
  }

  /** Null until the organisation's event has arrived. */
  async find(tx: EvidenceTx, organisationId: string): Promise<OrganisationProfile | null> {
    const row = await tx.organisationProfile.findUnique({ where: { organisationId } });
    return row ? { name: row.name, address: row.address.length ? row.address : null } : null;
  }
}
