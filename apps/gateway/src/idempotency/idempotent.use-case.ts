import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { createHash } from 'node:crypto';
import { IdempotencyRepository } from './idempotency.repository';

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Runs a create at most once per Idempotency-Key: a client that lost the answer retries safely and
 * gets the first answer back. The same key with a different body is refused.
 */
@Injectable()
export class IdempotentUseCase {
  constructor(private readonly records: IdempotencyRepository) {}

  async execute<T extends object>(organisationId: string, key: string | undefined, body: unknown, create: () => Promise<T>): Promise<{ replayed: boolean; body: T }> {
    if (key === undefined) return { replayed: false, body: await create() };
    if (!KEY.test(key)) throw ProblemError.validation([{ field: 'Idempotency-Key', message: 'must be 8 to 200 letters, digits or _ . : -', code: 'invalid_format' }]);
    const requestHash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    if (!(await this.records.claim(organisationId, key, requestHash))) {
      const existing = await this.records.find(organisationId, key);
      if (existing?.requestHash !== requestHash) throw ProblemError.conflict('This Idempotency-Key was used with a different request body.');
      if (existing.status !== 'done') throw ProblemError.conflict('A request with this Idempotency-Key is still being processed; retry shortly.');
      return { replayed: true, body: existing.responseBody as T };
    }
    try {
      const result = await create();
      await this.records.complete(organisationId, key, 201, result);
      return { replayed: false, body: result };
    } catch (error) {
      // Nothing was created, so the key is free for a corrected retry.
      await this.records.release(organisationId, key);
      throw error;
    }
  }
}
