import { createHash } from 'node:crypto';
import type { CreateReferralBody } from '@mediation/protocol';

/** The hash a repeat of an Idempotency-Key is compared with: the same key with another body is refused. */
export function referralRequestHash(body: CreateReferralBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
