import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client';
import { IdentityDatabase, type IdentityTx } from '../database/identity.database';

export type UserRecord = User;
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'roles' | 'status' | 'contractIds' | 'staffId' | 'passwordHash'>>;

/** People, always looked up within one organisation, in a transaction set to it (the tenant wall). */
@Injectable()
export class UserRepository {
  constructor(private readonly db: IdentityDatabase) {}

  /** `alsoInTx` runs in the same transaction, after the write (e.g. the event that says who the admins now are). */
  create(
    record: Omit<UserRecord, 'createdAt' | 'updatedAt' | 'status' | 'staffId'> & { staffId?: string | null },
    alsoInTx?: (tx: IdentityTx, user: UserRecord) => Promise<unknown>,
  ): Promise<UserRecord> {
    return this.db.forTenant(record.organisationId, async (tx) => {
      const user = await tx.user.create({ data: record });
      if (alsoInTx) await alsoInTx(tx, user);
      return user;
    });
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

  update(
    organisationId: string,
    id: string,
    changes: UserChanges,
    alsoInTx?: (tx: IdentityTx, user: UserRecord) => Promise<unknown>,
  ): Promise<UserRecord | null> {
    return this.db.forTenant(organisationId, async (tx) => {
      const { count } = await tx.user.updateMany({ where: { organisationId, id }, data: changes });
      const user = count === 0 ? null : await tx.user.findFirst({ where: { organisationId, id } });
      if (user && alsoInTx) await alsoInTx(tx, user);
      return user;
    });
  }
}
