import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import type { Authority } from '../auth/authority';
import { hashPassword } from './password';
import { SignInAttempts } from './sign-in-attempts';
import { UserRepository, type UserRecord } from './user.repository';

/** An administrator sets a person's local password; it also lifts their lockouts, from every address. */
@Injectable()
export class SetPasswordUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly attempts: SignInAttempts,
  ) {}

  async execute(meta: RpcMeta, id: string, password: string, authority: Authority): Promise<UserRecord> {
    const user = await this.users.find(meta.organisationId, id);
    if (!user) throw ProblemError.notFound('user', id);
    // Setting someone's password is signing in as them: never someone who holds more than the caller.
    authority.assertMayManage(user, 'set the password of');
    if (password.toLowerCase() === user.email) throw ProblemError.validation([{ field: 'password', message: 'must not be the email address' }]);
    const updated = await this.users.update(meta.organisationId, id, { passwordHash: await hashPassword(password) });
    if (!updated) throw ProblemError.notFound('user', id);
    await this.attempts.clear(id);
    return updated;
  }
}
