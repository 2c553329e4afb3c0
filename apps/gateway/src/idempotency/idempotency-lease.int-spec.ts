import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { IdentityDatabase } from '../database/identity.database';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotentUseCase } from './idempotent.use-case';

jest.setTimeout(60_000);

describe('the Idempotency-Key lease in PostgreSQL', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let superuser: Client;
  let records: IdempotencyRepository;
  const org = uuidv7();
  /** What a gateway that died mid-request leaves behind: the key claimed `ageMs` ago, never completed. */
  const abandon = async (key: string, hash: string, ageMs: number) => {
    expect(await records.claim(org, key, hash)).toBe(true);
    await superuser.query(
      `UPDATE identity.idempotency_record SET claimed_at = now() - make_interval(secs => $3::double precision / 1000) WHERE organisation_id = $1 AND key = $2`,
      [org, key, ageMs],
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase('idem_lease');
    identity = new IdentityDatabase(db.url);
    superuser = new Client({ connectionString: db.ownerUrl });
    await superuser.connect();
    records = new IdempotencyRepository(identity);
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await superuser?.end();
    await db?.drop();
  });

  it('a key in progress within the lease is not retaken; past it, exactly one of two racing retakers wins', async () => {
    await abandon('lease-young-01', 'h1', 5_000);
    expect(await records.retake(org, 'lease-young-01', 'h1', 60_000)).toBe(false);
    await abandon('lease-old-0001', 'h1', 61_000);
    expect(await records.retake(org, 'lease-old-0001', 'h2', 60_000)).toBe(false);
    const racers = await Promise.all([records.retake(org, 'lease-old-0001', 'h1', 60_000), records.retake(org, 'lease-old-0001', 'h1', 60_000)]);
    expect(racers.sort()).toEqual([false, true]);
    // The winner renewed the lease, so a third request right after is refused.
    expect(await records.retake(org, 'lease-old-0001', 'h1', 60_000)).toBe(false);
  });

  it('the time left on a lease is read by the database clock, and is 0 once it has run out', async () => {
    await abandon('lease-left-0001', 'h1', 45_000);
    expect(Math.round((await records.leaseRemainingMs(org, 'lease-left-0001', 60_000)) / 1000)).toBe(15);
    await abandon('lease-left-0002', 'h1', 75_000);
    expect(await records.leaseRemainingMs(org, 'lease-left-0002', 60_000)).toBe(0);
  });

  it('a completed key is never retaken; the use-case replays it', async () => {
    await abandon('lease-done-001', 'h1', 120_000);
    await records.complete(org, 'lease-done-001', 201, { id: 'first' });
    expect(await records.retake(org, 'lease-done-001', 'h1', 60_000)).toBe(false);
  });

  it('the use-case runs the create again after the lease, passing the key on, and records its answer', async () => {
    const idempotent = new IdempotentUseCase(records, { IDEMPOTENCY_LEASE_MS: 60_000 });
    const body = { summary: 'Loud music at night.' };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    await abandon('lease-retake-1', hash, 61_000);
    const passed: (string | undefined)[] = [];
    const result = await idempotent.execute(org, 'lease-retake-1', body, async (key) => (passed.push(key), { id: 'the-first-referral' }), {
      retakeAfterLease: true,
    });
    expect(result).toEqual({ replayed: false, body: { id: 'the-first-referral' } });
    expect(passed).toEqual(['lease-retake-1']);
    expect(await records.find(org, 'lease-retake-1')).toMatchObject({ status: 'done', responseBody: { id: 'the-first-referral' } });
  });
});
