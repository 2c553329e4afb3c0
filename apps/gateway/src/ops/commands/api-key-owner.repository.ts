import { Injectable } from '@nestjs/common';
import { IdentityDatabase } from '../../database/identity.database';

/** The operator knows a key by its id alone; this finds whose it is, so the revocation itself stays scoped by organisation. */
@Injectable()
export class ApiKeyOwnerRepository {
  constructor(private readonly db: IdentityDatabase) {}

  async organisationOf(id: string): Promise<string | null> {
    const key = await this.db.apiKey.findUnique({ where: { id }, select: { organisationId: true } });
    return key?.organisationId ?? null;
  }
}
