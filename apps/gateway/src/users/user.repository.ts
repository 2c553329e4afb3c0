import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';

export type UserRecord = User;
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'roles' | 'status' | 'contractIds' | 'staffId' | 'passwordHash'>>;

/** People, always looked up within one organisation, in a transaction set to it (the tenant wall). */
@Injectable()
export class UserRepository {
  constructor(private readonly db: IdentityDatabase) {}

  create(record: Omit<UserRecord, 'createdAt' | 'updatedAt' | 'status' | 'staffId'> & { staffId?: string | null }): Promise<UserRecord> {
    return this.db.forTenant(record.organisationId, (tx) => tx.user.create({ data: record }));
  }

  find(organisationId: string, id: string): Promise<UserRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.user.findFirst({ where: { organisationId, id } }));
  }

  findByEmail(organisationId: string, email: string): Promise<UserRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.user.findUnique({ where: { organisationId_email: { organisationId, email: email.toLowerCase() } } }));
  }

  findByStaffId(organisationId: string, staffId: string): Promise<UserRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.user.findUnique({ where: { organisationId_staffId: { organisationId, staffId } } }));
  }

  list(organisationId: string): Promise<UserRecord[]> {
    return this.db.forTenant(organisationId, (tx) => tx.user.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } }));
  }

  update(organisationId: string, id: string, changes: UserChanges): Promise<UserRecord | null> {
    return this.db.forTenant(organisationId, async (tx) => {
      const { count } = await tx.user.updateMany({ where: { organisationId, id }, data: changes });
      return count === 0 ? null : tx.user.findFirst({ where: { organisationId, id } });
    });
  }
}
