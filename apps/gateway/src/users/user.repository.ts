import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';

export type UserRecord = User;
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'roles' | 'status' | 'contractIds' | 'staffId' | 'passwordHash'>>;

/** People, always looked up within one organisation. */
@Injectable()
export class UserRepository {
  constructor(private readonly db: IdentityDatabase) {}

  create(record: Omit<UserRecord, 'createdAt' | 'updatedAt' | 'status' | 'staffId'> & { staffId?: string | null }): Promise<UserRecord> {
    return this.db.user.create({ data: record });
  }

  find(organisationId: string, id: string): Promise<UserRecord | null> {
    return this.db.user.findFirst({ where: { organisationId, id } });
  }

  findByEmail(organisationId: string, email: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { organisationId_email: { organisationId, email: email.toLowerCase() } } });
  }

  findByStaffId(organisationId: string, staffId: string): Promise<UserRecord | null> {
    return this.db.user.findUnique({ where: { organisationId_staffId: { organisationId, staffId } } });
  }

  list(organisationId: string): Promise<UserRecord[]> {
    return this.db.user.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } });
  }

  async update(organisationId: string, id: string, changes: UserChanges): Promise<UserRecord | null> {
    const { count } = await this.db.user.updateMany({ where: { organisationId, id }, data: changes });
    return count === 0 ? null : this.find(organisationId, id);
  }
}
