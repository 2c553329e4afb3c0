import { Injectable } from '@nestjs/common';
import type { OidcProvider } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';

export type OidcProviderRecord = OidcProvider;

/** Each organisation's OpenID Connect provider; the issuer is unique, so a token's `iss` names one organisation. */
@Injectable()
export class OidcProviderRepository {
  constructor(private readonly db: IdentityDatabase) {}

  findByOrganisation(organisationId: string): Promise<OidcProviderRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.oidcProvider.findUnique({ where: { organisationId } }));
  }

  /** Before the tenant is known: the lookup policy shows only the provider of the issuer named. */
  findByIssuer(issuer: string): Promise<OidcProviderRecord | null> {
    return this.db.run((tx) => tx.oidcProvider.findUnique({ where: { issuer } }), { presented: { 'app.oidc_issuer': issuer } });
  }

  save(record: Omit<OidcProviderRecord, 'updatedAt'>): Promise<OidcProviderRecord> {
    const { organisationId, ...settings } = record;
    return this.db.forTenant(organisationId, (tx) => tx.oidcProvider.upsert({ where: { organisationId }, create: record, update: settings }));
  }

  async remove(organisationId: string): Promise<boolean> {
    const { count } = await this.db.forTenant(organisationId, (tx) => tx.oidcProvider.deleteMany({ where: { organisationId } }));
    return count > 0;
  }
}
