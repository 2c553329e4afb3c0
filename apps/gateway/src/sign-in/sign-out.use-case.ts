import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { SignedOutTokens } from './signed-out-tokens';
import { SignInTokens } from './sign-in-tokens';

/** Ends a sign-in token before it expires, e.g. on a shared computer. */
@Injectable()
export class SignOutUseCase {
  constructor(
    private readonly tokens: SignInTokens,
    private readonly revocations: SignedOutTokens,
  ) {}

  async execute(authorization: string | undefined): Promise<void> {
    const token = authorization?.split(' ')[1]?.trim();
    if (!token) throw ProblemError.unauthenticated('Send the sign-in token to sign out.');
    const session = await this.tokens.verify(token);
    await this.revocations.revoke(session.tokenId, session.expiresAt);
  }
}
