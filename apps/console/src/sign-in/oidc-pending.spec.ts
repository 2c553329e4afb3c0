import type { Request, Response } from 'express';
import { PENDING_COOKIE, PendingSignIns } from './oidc-pending';

const PENDING = { provider: 'acme', state: 's', nonce: 'n', verifier: 'v', redirectUri: 'https://console.example/sign-in/oidc/callback' };

/** The Set-Cookie lines a response was given, and a request that sends back the first one's value. */
function kept(sealer: PendingSignIns) {
  const lines: string[] = [];
  sealer.keep({ append: (_name: string, line: string) => lines.push(line) } as unknown as Response, PENDING);
  const value = lines[0].split(';')[0].slice(`${PENDING_COOKIE}=`.length);
  return { line: lines[0], value, request: (cookie = value) => ({ headers: { cookie: `${PENDING_COOKIE}=${cookie}` } }) as Request };
}

describe('the pending OpenID Connect sign-in cookie', () => {
  it('comes back as it was kept, from a Lax, HttpOnly cookie for the sign-in paths that lasts ten minutes', () => {
    const sealer = new PendingSignIns('x'.repeat(32), true);
    const { line, request } = kept(sealer);
    expect(line).toMatch(/; Path=\/sign-in; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
    expect(sealer.read(request())).toEqual(PENDING);
  });

  it('is ignored when changed, signed with another secret, or missing', () => {
    const sealer = new PendingSignIns('x'.repeat(32), false);
    const { value, request } = kept(sealer);
    const [body, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ ...PENDING, state: 'attacker' })).toString('base64url');
    expect(sealer.read(request(`${forged}.${signature}`))).toBeUndefined();
    expect(new PendingSignIns('y'.repeat(32), false).read(request())).toBeUndefined();
    expect(sealer.read(request(body))).toBeUndefined();
    expect(sealer.read({ headers: {} } as Request)).toBeUndefined();
  });
});
