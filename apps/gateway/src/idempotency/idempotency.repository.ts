import { Injectable } from '@nestjs/common';
import type { IdempotencyRecord } from '../generated/prisma/client';
import { IdentityDatabase } from '../database/identity.database';

export type IdempotencyRecordRow = IdempotencyRecord;

/** Idempotency records hold whole answers (referral views): each query runs within its organisation. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: IdentityDatabase) {}

  /** Claims the key; returns false when another request already holds it. */
  async claim(organisationId: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = await this.db.forTenant(organisationId, (tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO identity.idempotency_record (organisation_id, key, request_hash, status) VALUES ($1::uuid, $2, $3, 'in-progress') ON CONFLICT DO NOTHING`,
        organisationId,
        key,
        requestHash,
      ),
    );
    return inserted === 1;
  }

  /**
   * Retakes a key whose request has been in progress longer than the lease (its gateway died mid-request),
   * by the database's clock so gateways' clocks need not agree; false when it is done, younger, or another
   * request with the same body retook it first.
   */
  async retake(organisationId: string, key: string, requestHash: string, leaseMs: number): Promise<boolean> {
    const retaken = await this.db.forTenant(organisationId, (tx) =>
      tx.$executeRawUnsafe(
        `UPDATE identity.idempotency_record SET claimed_at = now()
            WHERE organisation_id = $1::uuid AND key = $2 AND request_hash = $3 AND status = 'in-progress'
              AND claimed_at < now() - make_interval(secs => $4::double precision / 1000)`,
        organisationId,
        key,
        requestHash,
        leaseMs,
      ),
    );
    return retaken === 1;
  }

  /** Milliseconds until a key in progress may be retaken, by the database's clock (0 once the lease has run out). */
  async leaseRemainingMs(organisationId: string, key: string, leaseMs: number): Promise<number> {
    const [row] = await this.db.forTenant(organisationId, (tx) =>
      tx.$queryRawUnsafe<{ remaining: number | null }[]>(
        `SELECT GREATEST(0, EXTRACT(EPOCH FROM (claimed_at + make_interval(secs => $3::double precision / 1000) - now())) * 1000)::float8 AS remaining
             FROM identity.idempotency_record WHERE organisation_id = $1::uuid AND key = $2`,
        organisationId,
        key,
        leaseMs,
      ),
    );
    return row?.remaining ?? 0;
  }

  find(organisationId: string, key: string): Promise<IdempotencyRecordRow | null> {
    return this.db.forTenant(organisationId, (tx) => tx.idempotencyRecord.findUnique({ where: { organisationId_key: { organisationId, key } } }));
  }

  async complete(organisationId: string, key: string, responseStatus: number, responseBody: object): Promise<void> {
    await this.db.forTenant(organisationId, (tx) =>
      tx.idempotencyRecord.update({ where: { organisationId_key: { organisationId, key } }, data: { status: 'done', responseStatus, responseBody } }),
    );
  }

  async release(organisationId: string, key: string): Promise<void> {
    await this.db
      .forTenant(organisationId, (tx) => tx.idempotencyRecord.delete({ where: { organisationId_key: { organisationId, key } } }))
      .catch(() => undefined);
  }
}
