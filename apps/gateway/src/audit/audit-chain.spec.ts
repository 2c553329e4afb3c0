import { canonicalJson, chainHash, GENESIS_HASH, type AuditFields, type ChainedEntry } from './audit-chain';
import { ChainVerifier } from './chain-verifier';

/** The next link, as PostgreSQL makes it in AuditEntryRepository.append: the entry at `sequence` after the head, hashed onto it. */
function link(head: { lastSequence: number; lastHash: string }, fields: Omit<AuditFields, 'sequence'>): ChainedEntry {
  const entry = { ...fields, sequence: head.lastSequence + 1 };
  return { ...entry, prevHash: head.lastHash, hash: chainHash(head.lastHash, entry) };
}

const ORG = '0190a000-0000-7000-8000-000000000001';

/** A chain of referrals submitted by a council's case system, one a minute. */
function chainOf(count: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let head = { lastSequence: 0, lastHash: GENESIS_HASH };
  for (let i = 0; i < count; i += 1) {
    const fields: Omit<AuditFields, 'sequence'> = {
      id: `0190a000-0000-7000-8000-${String(100 + i).padStart(12, '0')}`,
      organisationId: ORG,
      occurredAt: new Date(Date.UTC(2026, 10, 20, 9, i)),
      actorId: 'api-key:0190a000-0000-7000-8000-0000000000aa',
      actorType: 'api-key',
      actorRoles: [],
      action: 'POST /v1/referrals',
      resourceType: 'referral',
      resourceId: `0190a000-0000-7000-8000-${String(900 + i).padStart(12, '0')}`,
      outcome: 201,
      clientIp: '203.0.113.7',
      userAgent: 'council-cms/2.1',
      correlationId: `corr-${i}`,
      accessReason: null,
      dataCategories: [],
    };
    const entry = link(head, fields);
    entries.push(entry);
    head = { lastSequence: entry.sequence, lastHash: entry.hash };
  }
  return entries;
}

function verify(entries: ChainedEntry[], head: { lastSequence: number; lastHash: string } | null = null) {
  const verifier = new ChainVerifier();
  for (const entry of entries) verifier.check(entry);
  return verifier.finish(head);
}

const headOf = (entries: ChainedEntry[]) => ({ lastSequence: entries.at(-1)!.sequence, lastHash: entries.at(-1)!.hash });

describe('canonical JSON', () => {
  it('spells the same object the same way whatever the order its keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 'x'], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 'x'] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: { d: [2, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[2,"x"]},"b":1}');
  });

  it('keeps array order, writes dates as UTC ISO with milliseconds and leaves undefined members out', () => {
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
    expect(canonicalJson(new Date('2026-11-20T09:00:00+01:00'))).toBe('"2026-11-20T08:00:00.000Z"');
    expect(canonicalJson({ a: undefined, b: 'é"\n' })).toBe('{"b":"é\\"\\n"}');
  });

  it('refuses numbers JSON cannot spell, rather than hashing them as null', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/cannot hash/);
  });
});

describe('the hash chain', () => {
  it('links each entry to the one before: entry 1 to the genesis hash, entry n to the hash of n-1', () => {
    const entries = chainOf(3);
    expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[2].hash).toBe(chainHash(entries[1].hash, entries[2]));
    expect(entries[2].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('any change to any hashed field changes the hash', () => {
    const [entry] = chainOf(1);
    for (const change of [
      { outcome: 500 },
      { actorId: 'someone-else' },
      { occurredAt: new Date(entry.occurredAt.getTime() + 1) },
      { accessReason: 'curiosity' },
      { actorRoles: ['auditor'] },
    ]) {
      expect(chainHash(entry.prevHash, { ...entry, ...change })).not.toBe(entry.hash);
    }
  });

  it('an untouched chain verifies, and ends where its head says', () => {
    const entries = chainOf(5);
    expect(verify(entries, headOf(entries))).toBeUndefined();
    expect(verify([])).toBeUndefined();
  });

  it('an edited field is reported at the entry that was edited', () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2], outcome: 400 };
    expect(verify(entries, headOf(entries))).toMatchObject({ kind: 'altered', sequence: 3, entryId: entries[2].id });
  });

  it('a deleted entry is reported as the gap it leaves', () => {
    const entries = chainOf(5);
    entries.splice(1, 1);
    expect(verify(entries, headOf(entries))).toMatchObject({ kind: 'missing', sequence: 2 });
  });

  it('deleting the last entries is caught by the chain head', () => {
    const entries = chainOf(5);
    const head = headOf(entries);
    expect(verify(entries.slice(0, 3), head)).toMatchObject({ kind: 'truncated', sequence: 4 });
  });

  it('a reordered pair is caught: swapping their sequence numbers breaks their hashes', () => {
    const entries = chainOf(5);
    const swapped = [entries[0], { ...entries[2], sequence: 2 }, { ...entries[1], sequence: 3 }, entries[3], entries[4]];
    expect(verify(swapped, headOf(entries))).toMatchObject({ kind: 'altered', sequence: 2, entryId: entries[2].id });
  });

  it('a reordered pair is caught even when the hashes were recomputed: the links no longer meet', () => {
    const entries = chainOf(5);
    const rehash = (entry: ChainedEntry, sequence: number): ChainedEntry => {
      const moved = { ...entry, sequence };
      return { ...moved, hash: chainHash(moved.prevHash, moved) };
    };
    const swapped = [entries[0], rehash(entries[2], 2), rehash(entries[1], 3), entries[3], entries[4]];
    expect(verify(swapped, headOf(entries))).toMatchObject({ kind: 'unlinked', sequence: 2 });
  });

  it('reports only the first break, even when later entries are broken too', () => {
    const entries = chainOf(6);
    entries[1] = { ...entries[1], action: 'DELETE /v1/referrals' };
    entries.splice(4, 1);
    expect(verify(entries)).toMatchObject({ kind: 'altered', sequence: 2 });
  });
});
