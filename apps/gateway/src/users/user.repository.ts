import { Injectable } from '@nestjs/common';
import type { User } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';
import type { SignInState } from './lockout';

export type UserRecord = User;
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'roles' | 'status' | 'contractIds' | 'staffId' | 'passwordHash' | 'failedSignIns' | 'lockedUntil'>>;

/** People, always looked up within one organisation, in a transaction set to it (the tenant wall). */
@Injectable()
export class UserRepository {
  constructor(private readonly db: IdentityDatabase) {}

  create(record: Omit<UserRecord, 'createdAt' | 'updatedAt' | 'failedSignIns' | 'lockedUntil' | 'status' | 'staffId'> & { staffId?: string | null }): Promise<UserRecord> {
    return this.db.run((tx) => tx.user.create({ data: record }), { organisationId: record.organisationId });
  }

  find(organisationId: string, id: string): Promise<UserRecord | null> {
    return this.db.run((tx) => tx.user.findFirst({ where: { organisationId, id } }), { organisationId });
  }

  findByEmail(organisationId: string, email: string): Promise<UserRecord | null> {
    return this.db.run((tx) => tx.user.findUnique({ where: { organisationId_email: { organisationId, email: email.toLowerCase() } } }), { organisationId });
  }

  findByStaffId(organisationId: string, staffId: string): Promise<UserRecord | null> {
    return this.db.run((tx) => tx.user.findUnique({ where: { organisationId_staffId: { organisationId, staffId } } }), { organisationId });
  }

  list(organisationId: string): Promise<UserRecord[]> {
    return this.db.run((tx) => tx.user.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } }), { organisationId });
  }

  update(organisationId: string, id: string, changes: UserChanges): Promise<UserRecord | null> {
    return this.db.run(async (tx) => {
      const { count } = await tx.user.updateMany({ where: { organisationId, id }, data: changes });
      return count === 0 ? null : tx.user.findFirst({ where: { organisationId, id } });
    }, { organisationId });
  }

  /** Applies a sign-in outcome under a row lock, so concurrent guesses on two replicas all count. */
  recordSignIn(organisationId: string, id: string, next: (current: SignInState) => SignInState): Promise<SignInState> {
    return this.db.run(async (tx) => {
      const [row] = await tx.$queryRaw<{ failed_sign_ins: number; locked_until: Date | string | null }[]>`
        SELECT failed_sign_ins, locked_until FROM "identity"."user_account" WHERE organisation_id = ${organisationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
      if (!row) return { failedSignIns: 0, lockedUntil: null };
      const state = next({ failedSignIns: row.failed_sign_ins, lockedUntil: row.locked_until ? new Date(row.locked_until) : null });
      await tx.user.updateMany({ where: { organisationId, id }, data: state });
      return state;
    }, { organisationId });
  }
}
