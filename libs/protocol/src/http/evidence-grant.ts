import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RpcMetaSchema } from '../rpc/define-rpc';

/** The header the gateway puts its grant in when it forwards a file route to the evidence service. */
export const EVIDENCE_GRANT_HEADER = 'x-evidence-grant';
/** A grant lives long enough to start one request, not to be replayed later. */
export const EVIDENCE_GRANT_TTL_MS = 60_000;

/**
 * What the gateway vouches for when it forwards an upload or a download to the evidence service's
 * internal port: who is asking (already authenticated, authorised and checked for need-to-know), and
 * the one request it is for. Files do not fit NATS messages, so these routes are HTTP, and the grant is
 * what makes the evidence service trust the caller as it trusts an RPC's meta.
 */
export const EvidenceGrantSchema = z
  .object({
    meta: RpcMetaSchema,
    method: z.enum(['GET', 'HEAD', 'POST']).describe('The one method it is good for.'),
    path: z.string().startsWith('/internal/').describe('The one internal path it is good for.'),
    reason: z.string().max(500).optional().describe('Why the caller reads it (X-Access-Reason), for the custody log.'),
    expiresAt: z.number().int().describe('Epoch milliseconds after which it is refused.'),
  })
  .describe('A signed internal grant for one evidence file request.');
export type EvidenceGrant = z.infer<typeof EvidenceGrantSchema>;

const mac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** `<base64url JSON>.<base64url HMAC-SHA256>`, signed with the key the gateway and evidence share. */
export function signEvidenceGrant(key: string, grant: EvidenceGrant): string {
  const body = Buffer.from(JSON.stringify(EvidenceGrantSchema.parse(grant))).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The grant if the signature holds, it has not expired and it names this very request; otherwise why not. */
export function verifyEvidenceGrant(
  key: string,
  token: string | undefined,
  request: { method: string; path: string; now: number },
): { ok: true; grant: EvidenceGrant } | { ok: false; reason: string } {
  if (!token) return { ok: false, reason: 'no grant' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed grant' };
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
  let parsed: ReturnType<typeof EvidenceGrantSchema.safeParse>;
  try {
    parsed = EvidenceGrantSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed grant' };
  }
  if (!parsed.success) return { ok: false, reason: 'malformed grant' };
  const grant = parsed.data;
  if (grant.expiresAt < request.now) return { ok: false, reason: 'expired grant' };
  if (grant.expiresAt > request.now + EVIDENCE_GRANT_TTL_MS * 2) return { ok: false, reason: 'grant lives too long' };
  if (grant.method !== request.method || grant.path !== request.path) return { ok: false, reason: 'grant for another request' };
  return { ok: true, grant };
}
