import { ProblemError } from '@mediation/platform';
import { createHash } from 'node:crypto';
import type { IdempotencyRepository, IdempotencyRecordRow } from './idempotency.repository';
import { IdempotentUseCase } from './idempotent.use-case';

const hashOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/** An in-memory stand-in with the repository's semantics: claim is an insert that can lose. */
class MemoryRecords {
  rows = new Map<string, IdempotencyRecordRow>();
  now = Date.parse('2026-11-22T09:00:00Z');
  async claim(organisationId: string, key: string, requestHash: string) {
    if (this.rows.has(`${organisationId}/${key}`)) return false;
    this.rows.set(`${organisationId}/${key}`, {
      organisationId,
      key,
      requestHash,
      status: 'in-progress',
      responseStatus: null,
      responseBody: null,
      createdAt: new Date(this.now),
      claimedAt: new Date(this.now),
    });
    return true;
  }
  async retake(organisationId: string, key: string, requestHash: string, leaseMs: number) {
    const row = this.rows.get(`${organisationId}/${key}`);
    if (!row || row.requestHash !== requestHash || row.status !== 'in-progress' || row.claimedAt.getTime() >= this.now - leaseMs) return false;
    row.claimedAt = new Date(this.now);
    return true;
  }
  async leaseRemainingMs(organisationId: string, key: string, leaseMs: number) {
    const row = this.rows.get(`${organisationId}/${key}`);
    return row ? Math.max(0, row.claimedAt.getTime() + leaseMs - this.now) : 0;
  }
  async find(organisationId: string, key: string) {
    return this.rows.get(`${organisationId}/${key}`) ?? null;
  }
  async complete(organisationId: string, key: string, responseStatus: number, responseBody: object) {
    Object.assign(this.rows.get(`${organisationId}/${key}`)!, { status: 'done', responseStatus, responseBody });
  }
  async release(organisationId: string, key: string) {
    this.rows.delete(`${organisationId}/${key}`);
  }
}

describe('Idempotency-Key on creates', () => {
  const org = '01a2011e-0000-7000-8000-000000000001';
  let records: MemoryRecords;
  let idempotent: IdempotentUseCase;
  let created: number;
  const create = async () => ({ id: `referral-${++created}` });

  beforeEach(() => {
    records = new MemoryRecords();
    idempotent = new IdempotentUseCase(records as unknown as IdempotencyRepository, { IDEMPOTENCY_LEASE_MS: 60_000 });
    created = 0;
  });

  it('a retry with the same key and body gets the first answer back and creates nothing new', async () => {
    const first = await idempotent.execute(org, 'key-00000001', { a: 1 }, create);
    const again = await idempotent.execute(org, 'key-00000001', { a: 1 }, create);
    expect(again).toEqual({ replayed: true, body: first.body });
    expect(created).toBe(1);
  });

  it('the same key with another body is a conflict', async () => {
    await idempotent.execute(org, 'key-00000001', { a: 1 }, create);
    await expect(idempotent.execute(org, 'key-00000001', { a: 2 }, create)).rejects.toMatchObject({ problem: { status: 409 } });
  });

  it('a create that failed frees its key for a corrected retry', async () => {
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, () => Promise.reject(ProblemError.validation([])))).rejects.toBeInstanceOf(ProblemError);
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, create)).resolves.toMatchObject({ replayed: false });
  });

  it('a key left in progress by a gateway that died is retaken after the lease, only where the service behind dedups', async () => {
    // The first gateway claims the key, then dies before completing it.
    await records.claim(org, 'key-00000001', hashOf({ a: 1 }));
    const keysSeen: (string | undefined)[] = [];
    const dedupingCreate = async (key: string | undefined) => (keysSeen.push(key), { id: 'referral-1' });
    records.now += 59_000;
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, dedupingCreate, { retakeAfterLease: true })).rejects.toMatchObject({
      problem: { status: 409 },
    });
    records.now += 2_000;
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, create)).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(idempotent.execute(org, 'key-00000001', { a: 2 }, dedupingCreate, { retakeAfterLease: true })).rejects.toMatchObject({
      problem: { status: 409, detail: expect.stringMatching(/different request body/) },
    });
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, dedupingCreate, { retakeAfterLease: true })).resolves.toEqual({
      replayed: false,
      body: { id: 'referral-1' },
    });
    expect(keysSeen).toEqual(['key-00000001']);
    await expect(idempotent.execute(org, 'key-00000001', { a: 1 }, dedupingCreate, { retakeAfterLease: true })).resolves.toEqual({
      replayed: true,
      body: { id: 'referral-1' },
    });
  });

  it('a key left in progress whose referral the service already holds is answered with it at once, and recorded as done', async () => {
    await records.claim(org, 'key-00000002', hashOf({ a: 1 }));
    records.now += 1_000;
    const held = async (key: string) => (key === 'key-00000002' ? { id: 'referral-stored-before-the-crash' } : null);
    await expect(idempotent.execute(org, 'key-00000002', { a: 1 }, create, { retakeAfterLease: true, reconcile: held })).resolves.toEqual({
      replayed: true,
      body: { id: 'referral-stored-before-the-crash' },
    });
    expect(created).toBe(0);
    expect(await records.find(org, 'key-00000002')).toMatchObject({ status: 'done', responseBody: { id: 'referral-stored-before-the-crash' } });
  });

  it('a key still in progress that the service does not hold is a 409 saying when to retry: by the RPC timeout, or the lease’s end if sooner', async () => {
    const timed = new IdempotentUseCase(records as unknown as IdempotencyRepository, { IDEMPOTENCY_LEASE_MS: 60_000, RPC_TIMEOUT_MS: 5_000 });
    await records.claim(org, 'key-00000003', hashOf({ a: 1 }));
    const nothing = async () => null;
    const refusal = async (options: { retakeAfterLease?: boolean; reconcile?: () => Promise<null> }) => {
      const error = await timed.execute(org, 'key-00000003', { a: 1 }, create, options).catch((e: ProblemError) => e);
      return { status: (error as ProblemError).problem.status, retryAfter: (error as ProblemError).headers['Retry-After'] };
    };
    records.now += 10_000;
    expect(await refusal({ retakeAfterLease: true, reconcile: nothing })).toEqual({ status: 409, retryAfter: '5' });
    records.now += 47_500;
    expect(await refusal({ retakeAfterLease: true, reconcile: nothing })).toEqual({ status: 409, retryAfter: '3' });
    expect(await refusal({})).toEqual({ status: 409, retryAfter: '5' });
    expect(created).toBe(0);
  });

  it('refuses to start with a lease shorter than twice the RPC timeout', () => {
    expect(() => new IdempotentUseCase(records as unknown as IdempotencyRepository, { IDEMPOTENCY_LEASE_MS: 8_000, RPC_TIMEOUT_MS: 5_000 })).toThrow(
      /IDEMPOTENCY_LEASE_MS/,
    );
    expect(() => new IdempotentUseCase(records as unknown as IdempotencyRepository, { IDEMPOTENCY_LEASE_MS: 10_000, RPC_TIMEOUT_MS: 5_000 })).not.toThrow();
  });

  it('a malformed key is a 400 naming the header', async () => {
    await expect(idempotent.execute(org, 'short', {}, create)).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'Idempotency-Key' }] } });
  });

  it('without a key every request creates', async () => {
    await idempotent.execute(org, undefined, {}, create);
    await idempotent.execute(org, undefined, {}, create);
    expect(created).toBe(2);
  });
});
