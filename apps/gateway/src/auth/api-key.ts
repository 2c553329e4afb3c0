import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `mk_<key id>.<secret>`: the key id finds the row, the secret proves possession. */
const TOKEN = /^mk_([a-f0-9]{16})\.([A-Za-z0-9_-]{43})$/;

/** The scopes live in the protocol so request bodies validate against the same list. */
export { ALL_SCOPES, type Scope } from '@mediation/protocol';

export function hashSecret(pepper: string, secret: string): string {
  return createHmac('sha256', pepper).update(secret).digest('hex');
}

export function generateApiKey(pepper: string): { keyId: string; token: string; secretHash: string } {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, token: `mk_${keyId}.${secret}`, secretHash: hashSecret(pepper, secret) };
}

export function parseApiKey(token: string): { keyId: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function secretMatches(pepper: string, secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(pepper, secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
