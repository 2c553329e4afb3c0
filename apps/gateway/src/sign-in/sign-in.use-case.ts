import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { SignInTokenViewSchema, type SignInBody, type Role, type SignInTokenView } from '@mediation/protocol';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { Lockout } from '../users/lockout';
import { verifyAgainstDecoy, verifyPassword } from '../users/password';
import { UserRepository } from '../users/user.repository';
import { SignInTokens } from './sign-in-tokens';

const LOCKED = 'https://mediation.example/problems/locked';

/** One answer for an unknown organisation, an unknown email and a wrong password, so none can be probed. */
const WRONG = () => ProblemError.unauthenticated('The organisation, email or password is wrong.');

/** Signs a person in with a local password and hands back a short-lived bearer token. */
@Injectable()
export class SignInUseCase {
  private readonly lockout: Lockout;

  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly tokens: SignInTokens,
    clock: Clock,
  ) {
    this.lockout = new Lockout(clock);
  }

  async execute(input: SignInBody): Promise<SignInTokenView> {
    const organisation = await this.organisations.findBySlug(input.organisation);
    const user = organisation ? await this.users.findByEmail(organisation.id, input.email) : null;
    if (!organisation || !user?.passwordHash) {
      await verifyAgainstDecoy(input.password);
      throw WRONG();
    }
    if (this.lockout.isLocked(user)) throw locked(user.lockedUntil!);
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      await this.users.recordSignIn(organisation.id, user.id, (state) => this.lockout.afterFailure(state));
      throw WRONG();
    }
    // Re-checked under the row lock: another replica may have locked the account while the hash was computed.
    const state = await this.users.recordSignIn(organisation.id, user.id, (current) => (this.lockout.isLocked(current) ? current : this.lockout.afterSuccess()));
    if (this.lockout.isLocked(state)) throw locked(state.lockedUntil!);
    if (user.status !== 'active') throw ProblemError.unauthenticated('This account is disabled; ask your administrator.');
    const roles = user.roles as Role[];
    const { token, expiresAt, expiresIn } = await this.tokens.sign({ userId: user.id, organisationId: organisation.id, roles });
    return SignInTokenViewSchema.parse({
      token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      expiresIn,
      user: { id: user.id, email: user.email, name: user.name, roles },
    });
  }
}

function locked(until: Date): ProblemError {
  return new ProblemError({ type: LOCKED, title: 'Locked', status: 423, detail: `Too many wrong passwords: this account is locked until ${until.toISOString()}. Try again then, or ask your administrator to set a new password.` });
}
