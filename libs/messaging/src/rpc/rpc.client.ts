import { Inject, Injectable, Optional } from '@nestjs/common';
import { errors, headers } from '@nats-io/transport-node';
import { inSpan, injectTrace, MetricsService, ProblemError, RETRY_AFTER_UNAVAILABLE_SECONDS, SpanKind } from '@mediation/platform';
import type { Counter } from 'prom-client';
import { PROBLEM_TYPES, RpcReplySchema, type RpcDefinition, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';
import { NatsConnectionService } from '../nats/nats.connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../nats/nats.options';

export const DEFAULT_RPC_TIMEOUT_MS = 5_000;
/** The milliseconds the caller waits for the reply, sent with every request. */
export const RPC_TIMEOUT_HEADER = 'Rpc-Timeout-Ms';

/**
 * The gateway's side of request/reply. Each failure says what happened, because the caller acts on
 * it: a request that could not be encoded was never sent (500), a service that is not running or
 * did not answer in time is a 503 with Retry-After (the latter may still have done the work: retry with
 * the same Idempotency-Key; a busy service's 503 says it did nothing), a reply that cannot be read is a 502, and a service's own refusal comes back as it is.
 * The service sets how long it waits once (`rpcTimeoutMs`); a call that must wait longer says so.
 */
@Injectable()
export class RpcClient {
  private readonly timeoutMs: number;
  private readonly calls?: Counter;

  constructor(
    private readonly nats: NatsConnectionService,
    @Optional() @Inject(MESSAGING_OPTIONS) options?: Pick<MessagingOptions, 'rpcTimeoutMs'>,
    @Optional() metrics?: MetricsService,
  ) {
    this.timeoutMs = options?.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    this.calls = metrics?.counter('rpc_client_requests_total', 'RPC calls this process made, by subject and outcome (ok, 4xx, 5xx, unanswered)', [
      'subject',
      'outcome',
    ]);
  }

  call<D extends RpcDefinition>(definition: D, meta: RpcMeta, data: z.input<D['request']>, timeoutMs = this.timeoutMs): Promise<z.infer<D['response']>> {
    return inSpan(`rpc ${definition.subject}`, { kind: SpanKind.CLIENT, attributes: { 'rpc.service': definition.service } }, () =>
      this.request(definition, meta, data, timeoutMs),
    );
  }

  private async request<D extends RpcDefinition>(
    definition: D,
    meta: RpcMeta,
    data: z.input<D['request']>,
    timeoutMs: number,
  ): Promise<z.infer<D['response']>> {
    const payload = encode(definition, { meta, data });
    let raw: string;
    try {
      const h = headers();
      // How long this caller waits: past it the service does not start the work (see NatsRpcServer).
      h.set(RPC_TIMEOUT_HEADER, String(timeoutMs));
      injectTrace(h);
      raw = (await this.nats.nc.request(this.nats.names.rpc(definition.subject), payload, { timeout: timeoutMs, headers: h })).string();
    } catch (error) {
      this.calls?.inc({ subject: definition.subject, outcome: 'unanswered' });
      throw notAnswered(definition, error, timeoutMs).withHeaders({ 'Retry-After': RETRY_AFTER_UNAVAILABLE_SECONDS });
    }
    const reply = decode(definition, () => RpcReplySchema.parse(JSON.parse(raw)));
    this.calls?.inc({ subject: definition.subject, outcome: reply.ok ? 'ok' : reply.problem.status >= 500 ? '5xx' : '4xx' });
    if (!reply.ok)
      throw new ProblemError(reply.problem, reply.problem.status === 503 ? { 'Retry-After': RETRY_AFTER_UNAVAILABLE_SECONDS } : {}, reply.busy === true);
    return decode(definition, () => definition.response.parse(reply.data) as z.infer<D['response']>);
  }
}

function encode(definition: RpcDefinition, request: unknown): string {
  try {
    return JSON.stringify(request);
  } catch (error) {
    throw new ProblemError({
      type: PROBLEM_TYPES.internal,
      title: 'Internal error',
      status: 500,
      detail: `The request to the ${definition.service} service could not be encoded (${(error as Error).message}); nothing was sent.`,
    });
  }
}

function decode<T>(definition: RpcDefinition, read: () => T): T {
  try {
    return read();
  } catch {
    throw new ProblemError({
      type: PROBLEM_TYPES.badGateway,
      title: 'Bad gateway',
      status: 502,
      detail: `The ${definition.service} service answered with a reply the gateway cannot read; quote the correlation id to support.`,
    });
  }
}

/** Why a request got no reply: only a timeout means the work may have been done. */
function notAnswered(definition: RpcDefinition, error: unknown, timeoutMs: number): ProblemError {
  if (error instanceof errors.RequestError && error.isNoResponders())
    return ProblemError.unavailable(`The ${definition.service} service is not running; try again shortly.`);
  if (error instanceof errors.TimeoutError) {
    // Slow past the caller's wait: a sign of overload (a stopped service has no responders instead).
    return ProblemError.overloaded(
      `The ${definition.service} service did not answer within ${timeoutMs} ms. The request may still have been processed: retry with the same Idempotency-Key to be safe.`,
    );
  }
  return ProblemError.unavailable(
    `The ${definition.service} service could not be reached (${(error as Error)?.message ?? 'unknown error'}); retry shortly, with the same Idempotency-Key to be safe.`,
  );
}
