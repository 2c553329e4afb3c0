import { Injectable } from '@nestjs/common';
import type { OrganisationProfile } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';

/** Reporting's copy of each organisation's profile: the name and address its packs are signed with. */
@Injectable()
export class OrganisationProfileRepository {
  /** Keeps this version unless a newer one is kept already (a late copy). */
  async keepNewer(tx: ReportingTx, p: { organisationId: string; name: string; address: string[]; version: number; changedAt: string }): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.organisation_profile (organisation_id, name, address, version, changed_at)
      VALUES (${p.organisationId}::uuid, ${p.name}, ${p.address}::text[], ${p.version}, ${p.changedAt}::timestamptz)
      ON CONFLICT (organisation_id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
      WHERE organisation_profile.version < EXCLUDED.version`;
  }

  async find(tx: ReportingTx, organisationId: string): Promise<OrganisationProfile | null> {
    const [row] = await tx.$queryRaw<
      { name: string; address: string[] }[]
    >`SELECT name, address FROM reporting.organisation_profile WHERE organisation_id = ${organisationId}::uuid`;
    return row ? { name: row.name, address: row.address.length ? row.address : null } : null;
  }
}
