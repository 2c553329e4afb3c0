import type { Request, Response } from 'express';
import { ConsoleSessions } from './session';

function browser() {
  const cookies: Record<string, string> = {};
  const res = {
    headers: {} as Record<string, unknown>,
    getHeader(name: string) {
      return this.headers[name];
    },
    setHeader(name: string, value: unknown) {
      this.headers[name] = value;
      for (const line of value as string[]) {
        const [pair] = line.split(';');
        const [k, v] = pair.split('=');
        cookies[k] = decodeURIComponent(v);
      }
    },
  };
  const req = () =>
    ({
      headers: {
        cookie: Object.entries(cookies)
          .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
          .join('; '),
      },
    }) as unknown as Request;
  return { res: res as unknown as Response & { headers: Record<string, string[]> }, req };
}

describe('console sessions: the token cookie and the form token', () => {
  const sessions = new ConsoleSessions('s'.repeat(40), true);

  it('keeps the sign-in token in an HttpOnly, SameSite=Strict, Secure cookie', () => {
    const { res } = browser();
    sessions.signIn(res, 'mst_abc', 900);
    expect(res.headers['Set-Cookie'][0]).toBe('console_session=mst_abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=900; Secure');
  });

  it('accepts the form token issued to this browser and refuses a missing, forged or other browser’s token', () => {
    const mine = browser();
    const theirs = browser();
    const token = sessions.csrf(mine.req(), mine.res);
    const other = sessions.csrf(theirs.req(), theirs.res);
    expect(sessions.csrfValid(mine.req(), token)).toBe(true);
    expect(sessions.csrfValid(mine.req(), other)).toBe(false);
    expect(sessions.csrfValid(mine.req(), undefined)).toBe(false);
    expect(sessions.csrfValid(mine.req(), `${token}x`)).toBe(false);
    // The same browser gets the same token on its next page.
    expect(sessions.csrf(mine.req(), mine.res)).toBe(token);
  });
});
