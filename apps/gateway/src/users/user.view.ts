import { UserViewSchema, type Role, type UserView } from '@mediation/protocol';
import type { UserRecord } from './user.repository';

export function toUserView(user: UserRecord): UserView {
  return UserViewSchema.parse({
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles as Role[],
    status: user.status,
    contractIds: user.contractIds,
    hasPassword: user.passwordHash !== null,
    staffId: user.staffId,
    createdAt: user.createdAt.toISOString(),
  });
}
