import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { createHash } from 'node:crypto';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { IdempotencyRepository } from './idempotency.repository';

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export interface IdempotentOptions<T> {
  /**
   * The service behind the create dedups on the key itself (intake stores it on the referral), so a
   * request left in progress past IDEMPOTENCY_LEASE_MS by a gateway that died may be run again.
   */
  retakeAfterLease?: boolean;
  /**
   * Asks the service behind whether it already holds what a request in progress under the key
   * created (a gateway can die after the service stored it and before recording the answer).
   */
  reconcile?: (key: string) => Promise<T | null>;
}

/**
 * Runs a create at most once per Idempotency-Key: a client that lost the answer retries safely and
 * gets the first answer back. The same key with a different body is refused.
 */
@Injectable()
export class IdempotentUseCase {
  constructor(
    private readonly records: IdempotencyRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'IDEMPOTENCY_LEASE_MS'> & Partial<Pick<GatewayConfig, 'RPC_TIMEOUT_MS'>>,
  ) {
    // A lease shorter than a slow request would let a second gateway run a create the first is still running.
    if (config.RPC_TIMEOUT_MS !== undefined && config.IDEMPOTENCY_LEASE_MS < 2 * config.RPC_TIMEOUT_MS) {
      throw new Error(`IDEMPOTENCY_LEASE_MS (${config.IDEMPOTENCY_LEASE_MS}) must be at least twice RPC_TIMEOUT_MS (${config.RPC_TIMEOUT_MS})`);
    }
  }

  /** `create` receives the validated key, to pass on to a service that dedups on it. */
  async execute<T extends object>(
    organisationId: string,
    key: string | undefined,
    body: unknown,
    create: (key: string | undefined) => Promise<T>,
    options: IdempotentOptions<T> = {},
  ): Promise<{ replayed: boolean; body: T }> {
    if (key === undefined) return { replayed: false, body: await create(undefined) };
    if (!KEY.test(key))
      throw ProblemError.validation([{ field: 'Idempotency-Key', message: 'must be 8 to 200 letters, digits or _ . : -', code: 'invalid_format' }]);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
    if (!(await this.records.claim(organisationId, key, requestHash))) {
      const existing = await this.records.find(organisationId, key);
      if (existing?.requestHash !== requestHash) throw ProblemError.conflict('This Idempotency-Key was used with a different request body.');
      if (existing.status === 'done') return { replayed: true, body: existing.responseBody as T };
      const held = await options.reconcile?.(key);
      if (held) {
        await this.records.complete(organisationId, key, 201, held);
        return { replayed: true, body: held };
      }
      if (!options.retakeAfterLease || !(await this.records.retake(organisationId, key, requestHash, this.config.IDEMPOTENCY_LEASE_MS)))
        throw await this.stillInProgress(organisationId, key, options);
    }
    try {
      const result = await create(key);
      await this.records.complete(organisationId, key, 201, result);
      return { replayed: false, body: result };
    } catch (error) {
      // Nothing was created (or the service behind dedups a retry), so the key is free for a corrected retry.
      await this.records.release(organisationId, key);
      throw error;
    }
  }

  /**
   * 409 with Retry-After: by the time a request in flight has answered or given up (RPC_TIMEOUT_MS), or
   * sooner when a retakeable lease ends first; a retry then replays, reconciles or retakes.
   */
  private async stillInProgress(organisationId: string, key: string, options: IdempotentOptions<unknown>): Promise<ProblemError> {
    const inFlightMs = this.config.RPC_TIMEOUT_MS ?? 5_000;
    const waitMs = options.retakeAfterLease
      ? Math.min(inFlightMs, await this.records.leaseRemainingMs(organisationId, key, this.config.IDEMPOTENCY_LEASE_MS))
      : inFlightMs;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return ProblemError.conflict(`A request with this Idempotency-Key is still being processed; retry in ${seconds} s with the same key and body.`).withHeaders(
      { 'Retry-After': String(seconds) },
    );
  }
}
