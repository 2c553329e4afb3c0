import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { SignInTokenViewSchema, type SignInBody, type Role, type SignInTokenView } from '@mediation/protocol';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { verifyAgainstDecoy, verifyPassword } from '../users/password';
import { SignInAttempts } from '../users/sign-in-attempts';
import { UserRepository } from '../users/user.repository';
import { SignInTokens } from './sign-in-tokens';

/**
 * One answer for an unknown organisation, an unknown email, a wrong password and an address that must
 * wait, so none can be told apart: not who has an account, nor whose account is locked.
 */
const WRONG = () =>
  ProblemError.unauthenticated('The organisation, email or password is wrong; after several wrong passwords, wait a few minutes before trying again.');

/** Signs a person in with a local password and hands back a short-lived bearer token. */
@Injectable()
export class SignInUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly tokens: SignInTokens,
    private readonly attempts: SignInAttempts,
  ) {}

  /** `clientAddress` is who is trying: a lock holds for that address only, never for the person everywhere. */
  async execute(input: SignInBody, clientAddress: string): Promise<SignInTokenView> {
    const organisation = await this.organisations.findBySlug(input.organisation);
    const user = organisation ? await this.users.findByEmail(organisation.id, input.email) : null;
    if (!organisation || !user?.passwordHash) {
      await verifyAgainstDecoy(input.password);
      throw WRONG();
    }
    // A locked address is answered after the same work as a wrong password, unchecked and uncounted.
    if (await this.attempts.isLocked(user.id, clientAddress)) {
      await verifyAgainstDecoy(input.password);
      throw WRONG();
    }
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      await this.attempts.failed(user.id, clientAddress);
      throw WRONG();
    }
    if (user.status !== 'active') throw ProblemError.unauthenticated('This account is disabled; ask your administrator.');
    await this.attempts.succeeded(user.id, clientAddress);
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
