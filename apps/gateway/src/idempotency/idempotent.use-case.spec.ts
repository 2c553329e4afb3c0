import { ProblemError } from '@mediation/platform';
import type { IdempotencyRepository, IdempotencyRecordRow } from './idempotency.repository';
import { IdempotentUseCase } from './idempotent.use-case';

/** An in-memory stand-in with the repository's semantics: claim is an insert that can lose. */
class MemoryRecords {
  rows = new Map<string, IdempotencyRecordRow>();
  async claim(organisationId: string, key: string, requestHash: string) {
    if (this.rows.has(`${organisationId}/${key}`)) return false;
    this.rows.set(`${organisationId}/${key}`, { organisationId, key, requestHash, status: 'in-progress', responseStatus: null, responseBody: null, createdAt: new Date() });
    return true;
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
    idempotent = new IdempotentUseCase(records as unknown as IdempotencyRepository);
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

  it('a malformed key is a 400 naming the header', async () => {
    await expect(idempotent.execute(org, 'short', {}, create)).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'Idempotency-Key' }] } });
  });

  it('without a key every request creates', async () => {
    await idempotent.execute(org, undefined, {}, create);
    await idempotent.execute(org, undefined, {}, create);
    expect(created).toBe(2);
  });
});
