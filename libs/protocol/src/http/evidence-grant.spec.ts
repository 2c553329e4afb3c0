import { signEvidenceGrant, verifyEvidenceGrant, EVIDENCE_GRANT_TTL_MS } from './evidence-grant';

const key = 'a-shared-key-of-at-least-32-characters!!';
const meta = { organisationId: '0190a0a0-0000-7000-8000-000000000002', actorId: 'user:u', actorType: 'user' as const, correlationId: 'c-1' };
const now = 1_800_000_000_000;
const path = '/internal/evidence/0190a0a0-0000-7000-8000-0000000000e1/content';
const token = (overrides: Partial<{ method: 'GET' | 'POST'; path: string; expiresAt: number }> = {}, signingKey = key) =>
  signEvidenceGrant(signingKey, { meta, method: 'GET', path, expiresAt: now + EVIDENCE_GRANT_TTL_MS, ...overrides });

describe('the gateway’s grant for one evidence file request', () => {
  it('carries the caller to the evidence service for that request', () => {
    expect(verifyEvidenceGrant(key, token(), { method: 'GET', path, now })).toEqual({ ok: true, grant: expect.objectContaining({ meta }) });
  });

  it('is refused when signed with another key, altered, expired, or shown for another request', () => {
    expect(verifyEvidenceGrant(key, token({}, 'another-key-of-at-least-32-characters!!!'), { method: 'GET', path, now })).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    const [body, signature] = token().split('.');
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString().replace('user:u', 'user:v')).toString('base64url');
    expect(verifyEvidenceGrant(key, `${altered}.${signature}`, { method: 'GET', path, now })).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyEvidenceGrant(key, token(), { method: 'GET', path, now: now + EVIDENCE_GRANT_TTL_MS + 1 })).toEqual({ ok: false, reason: 'expired grant' });
    expect(verifyEvidenceGrant(key, token({ expiresAt: now + 10 * EVIDENCE_GRANT_TTL_MS }), { method: 'GET', path, now })).toEqual({
      ok: false,
      reason: 'grant lives too long',
    });
    expect(verifyEvidenceGrant(key, token(), { method: 'POST', path, now })).toEqual({ ok: false, reason: 'grant for another request' });
    expect(verifyEvidenceGrant(key, undefined, { method: 'GET', path, now })).toEqual({ ok: false, reason: 'no grant' });
  });
});
