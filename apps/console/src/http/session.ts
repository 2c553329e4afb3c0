import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** The gateway's sign-in token lives only in this cookie: HttpOnly (no script reads it), SameSite=Strict, Secure in production. */
export const SESSION_COOKIE = 'console_session';
/** A random value per browser; forms carry an HMAC of it, so a page on another site cannot post as the person. */
export const CSRF_COOKIE = 'console_csrf';

export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    try {
      out[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // a cookie we did not set: ignore it
    }
  }
  return out;
}

export class ConsoleSessions {
  constructor(
    private readonly secret: string,
    private readonly secure: boolean,
  ) {}

  private cookie(res: Response, name: string, value: string, maxAgeSeconds: number): void {
    const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
    if (this.secure) attributes.push('Secure');
    const previous = res.getHeader('Set-Cookie');
    res.setHeader('Set-Cookie', [...(Array.isArray(previous) ? previous : previous ? [String(previous)] : []), attributes.join('; ')]);
  }

  token(req: Request): string | undefined {
    return readCookies(req)[SESSION_COOKIE] || undefined;
  }

  signIn(res: Response, token: string, expiresInSeconds: number): void {
    this.cookie(res, SESSION_COOKIE, token, expiresInSeconds);
  }

  signOut(res: Response): void {
    this.cookie(res, SESSION_COOKIE, '', 0);
  }

  /** The form token for this browser, setting the browser's random value first if it has none. */
  csrf(req: Request, res: Response): string {
    let seed = readCookies(req)[CSRF_COOKIE];
    if (!seed || !/^[A-Za-z0-9_-]{43}$/.test(seed)) {
      seed = randomBytes(32).toString('base64url');
      this.cookie(res, CSRF_COOKIE, seed, 60 * 60 * 24);
    }
    return this.sign(seed);
  }

  /** True when the form's token matches this browser's value. */
  csrfValid(req: Request, given: unknown): boolean {
    const seed = readCookies(req)[CSRF_COOKIE];
    if (!seed || typeof given !== 'string') return false;
    const expected = Buffer.from(this.sign(seed));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private sign(seed: string): string {
    return createHmac('sha256', this.secret).update(seed).digest('base64url');
  }
}
