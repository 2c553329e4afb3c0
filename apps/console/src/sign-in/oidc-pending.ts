import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookies } from '../http/session';
import type { PendingSignIn } from './oidc-client';

export const PENDING_COOKIE = 'console_oidc';
const TEN_MINUTES = 600;

/**
 * The state, nonce and PKCE verifier between leaving for the provider and coming back. SameSite=Lax,
 * not Strict like the session: the provider's redirect back is a cross-site navigation, which a Strict
 * cookie would not ride on. Signed with the console's secret, so a cookie forged elsewhere is ignored.
 */
export class PendingSignIns {
  constructor(
    private readonly secret: string,
    private readonly secure: boolean,
  ) {}

  keep(res: Response, pending: PendingSignIn): void {
    const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
    this.cookie(res, `${value}.${this.sign(value)}`, TEN_MINUTES);
  }

  /** What this browser started, if it started a sign-in in the last ten minutes. */
  read(req: Request): PendingSignIn | undefined {
    const [value, signature] = (readCookies(req)[PENDING_COOKIE] ?? '').split('.');
    if (!value || !signature) return undefined;
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as PendingSignIn;
    } catch {
      return undefined;
    }
  }

  /** One use: the callback clears it whether or not the sign-in succeeded. */
  clear(res: Response): void {
    this.cookie(res, '', 0);
  }

  private cookie(res: Response, value: string, maxAgeSeconds: number): void {
    const attributes = [`${PENDING_COOKIE}=${value}`, 'Path=/sign-in', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
    if (this.secure) attributes.push('Secure');
    res.append('Set-Cookie', attributes.join('; '));
  }

  private sign(value: string): string {
    return createHmac('sha256', `${this.secret}:oidc-pending`).update(value).digest('base64url');
  }
}
