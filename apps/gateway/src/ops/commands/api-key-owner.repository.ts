import { Injectable } from '@nestjs/common';
import { IdentityDatabase } from '../../database/identity.database';

/**
 * The operator knows a key by its id alone; this finds whose it is, so the revocation itself stays
 * scoped by organisation. Keys sit behind the tenant wall, so it asks each organisation in turn.
 */
@Injectable()
export class ApiKeyOwnerRepository {
  constructor(private readonly db: IdentityDatabase) {}

  async organisationOf(id: string): Promise<string | null> {
    for (const { id: organisationId } of await this.db.organisation.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
      const key = await this.db.forTenant(organisationId, (tx) => tx.apiKey.findFirst({ where: { organisationId, id }, select: { id: true } }));
      if (key) return organisationId;
    }
    return null;
  }
}
