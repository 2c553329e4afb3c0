import { createHash } from 'node:crypto';

/** The prev_hash of the first entry of every organisation's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every field of an entry that its hash covers: all of them but prev_hash (hashed alongside) and hash. */
export interface AuditFields {
  id: string;
  organisationId: string;
  sequence: number;
  occurredAt: Date;
  actorId: string;
  actorType: string;
  actorRoles: readonly string[];
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: number;
  clientIp: string | null;
  userAgent: string | null;
  correlationId: string | null;
  accessReason: string | null;
  dataCategories: readonly string[];
}

export interface ChainedEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

/**
 * One spelling per value, so the same row always hashes the same: keys sorted, no whitespace,
 * dates as ISO 8601 UTC with milliseconds, undefined object members left out.
 */
export function canonicalJson(value: Json | Date): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item as Json)).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, Json | undefined>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, Json>)[key])}`);
  return `{${members.join(',')}}`;
}

/** sha256 of the canonical JSON of the entry's own fields (all but its place in the chain), hex. */
export function contentHash(fields: Omit<AuditFields, 'sequence'>): string {
  const hashed: Record<string, Json> = {
    id: fields.id,
    organisationId: fields.organisationId,
    occurredAt: fields.occurredAt.toISOString(),
    actorId: fields.actorId,
    actorType: fields.actorType,
    actorRoles: [...fields.actorRoles],
    action: fields.action,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    outcome: fields.outcome,
    clientIp: fields.clientIp,
    userAgent: fields.userAgent,
    correlationId: fields.correlationId,
    accessReason: fields.accessReason,
    dataCategories: [...fields.dataCategories],
  };
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}

/**
 * sha256(prev_hash || sequence || ':' || content hash), hex: plain ASCII, so PostgreSQL computes the
 * same link inside the one statement that appends the entry (see AuditEntryRepository.appendMany).
 */
export function chainHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256')
    .update(`${prevHash}${fields.sequence}:${contentHash(fields)}`)
    .digest('hex');
}
