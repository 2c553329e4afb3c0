import { Clock, ProblemError } from '@mediation/platform';
import { decodeJwt, SignJWT } from 'jose';
import { SIGN_IN_ISSUER, SignInTokens } from './sign-in-tokens';

class StoppedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

const KEY = 'a-session-signing-key-of-at-least-32-chars';
const claims = { userId: '0190a0a0-0000-7000-8000-000000000001', organisationId: '0190a0a0-0000-7000-8000-000000000002', roles: ['mediator' as const] };

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ProblemError ? `${error.problem.status} ${error.problem.detail}` : String(error);
  }
}

describe('sign-in tokens', () => {
  let clock: StoppedClock;
  let tokens: SignInTokens;

  beforeEach(() => {
    clock = new StoppedClock(new Date('2026-11-20T09:00:00Z'));
    tokens = new SignInTokens({ SESSION_SIGNING_KEY: KEY, SESSION_TTL_SECONDS: 900 }, clock);
  });

  it('a token signed at 09:00 carries who, which organisation and which roles, and lasts until 09:15', async () => {
    const { token, expiresAt } = await tokens.sign(claims);
    expect(expiresAt).toEqual(new Date('2026-11-20T09:15:00Z'));
    expect(decodeJwt(token)).toMatchObject({
      sub: claims.userId,
      org: claims.organisationId,
      roles: ['mediator'],
      iss: SIGN_IN_ISSUER,
      exp: expiresAt.getTime() / 1000,
    });
    clock.at = new Date('2026-11-20T09:14:59Z');
    expect(await tokens.verify(token)).toEqual({ ...claims, tokenId: expect.any(String), expiresAt: new Date('2026-11-20T09:15:00Z') });
  });

  it('at 09:15 the same token is refused as expired', async () => {
    const { token } = await tokens.sign(claims);
    clock.at = new Date('2026-11-20T09:15:00Z');
    expect(await refusal(tokens.verify(token))).toBe('401 The sign-in token has expired; sign in again.');
  });

  it('a token signed with another key, or altered, is refused', async () => {
    const other = new SignInTokens({ SESSION_SIGNING_KEY: `${KEY}-other`, SESSION_TTL_SECONDS: 900 }, clock);
    const { token } = await other.sign(claims);
    expect(await refusal(tokens.verify(token))).toBe('401 The sign-in token is not valid.');
    const genuine = (await tokens.sign(claims)).token;
    const [header, , signature] = genuine.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...decodeJwt(genuine), roles: ['provider-admin'] })).toString('base64url');
    expect(await refusal(tokens.verify(`${header}.${promoted}.${signature}`))).toBe('401 The sign-in token is not valid.');
  });

  it('an unsigned token (alg none) is refused even with the right claims', async () => {
    const genuine = decodeJwt((await tokens.sign(claims)).token);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(genuine)).toString('base64url')}.`;
    expect(await refusal(tokens.verify(unsigned))).toBe('401 The sign-in token is not valid.');
  });

  it('a token with the right key but meant for another audience is refused', async () => {
    const token = await new SignJWT({ org: claims.organisationId, roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(SIGN_IN_ISSUER)
      .setAudience('somewhere-else')
      .setSubject(claims.userId)
      .setExpirationTime(Math.floor(clock.at.getTime() / 1000) + 60)
      .sign(new TextEncoder().encode(KEY));
    expect(await refusal(tokens.verify(token))).toBe('401 The sign-in token is not valid.');
  });
});
