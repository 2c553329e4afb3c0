import { Injectable } from '@nestjs/common';
import type { OrganisationProfile } from '@mediation/protocol';
import type { OrganisationProfile as OrganisationProfileRow } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

@Injectable()
export class OrganisationProfileRepository {
  /** Keeps this version unless a newer one is kept already (a late copy). */
  async keepNewer(tx: BillingTx, row: OrganisationProfileRow): Promise<void> {
    const kept = await tx.organisationProfile.findUnique({ where: { organisationId: row.organisationId }, select: { version: true } });
    if (kept && kept.version >= row.version) return;
    await tx.organisationProfile.upsert({ where: { organisationId: row.organisationId }, create: row, update: row });
  }

  async find(tx: BillingTx, organisationId: string): Promise<OrganisationProfile | null> {
    const row = await tx.organisationProfile.findUnique({ where: { organisationId } });
    return row ? { name: row.name, address: row.address.length ? row.address : null } : null;
  }
}
