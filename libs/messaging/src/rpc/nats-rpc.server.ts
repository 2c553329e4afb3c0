import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { inSpan, ProblemError, SpanKind, toProblem, traceContextFrom, type MetricsService } from '@mediation/platform';
import type { Counter, Histogram } from 'prom-client';
import type { RpcReply } from '@mediation/protocol';
import { isObservable, lastValueFrom } from 'rxjs';
import { Semaphore } from '../concurrency/semaphore';
import type { NatsConnectionService } from '../nats/nats.connection';
import { RPC_TIMEOUT_HEADER } from './rpc.client';

/** Requests one process handles at once: more than its database pool serves, since some wait on other services. */
const RPC_CONCURRENCY = 16;
/**
 * The share of its caller's wait a request may spend queued before it is refused unstarted ("busy",
 * 503, nothing done): what is left must cover the work itself, or the caller gives up on work that
 * then completes anyway ("may have been processed").
 */
const QUEUE_SHARE = 0.25;
/** How long a caller that did not say how long it waits is assumed to wait. */
const ASSUMED_WAIT_MS = 5_000;

/**
 * Marks a pattern whose answer waits on purpose (a long poll): `@MessagePattern(subject, HOLDS_OPEN)`. It takes
 * none of the 16 turns, which are for work; else a few partners' long polls (up to 35 s each) would hold every
 * turn and the service's other requests would be refused busy.
 */
export const HOLDS_OPEN = { holdsOpen: true } as const;

/**
 * A Nest transport strategy for request/reply over NATS core: each `@MessagePattern('rpc.x.verb')`
 * becomes a subscription in the service's queue group, so replicas share the load. Errors travel
 * back as problem details, never as stack traces.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('NatsRpc');
  private readonly subscriptions: Subscription[] = [];
  /** Requests handled at once; the rest wait here in order, where one that waited too long is refused unstarted. */
  private readonly slots = new Semaphore(RPC_CONCURRENCY);
  private busy = 0;
  private readonly answered?: Counter;
  private readonly durations?: Histogram;

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly queueGroup: string,
    metrics?: MetricsService,
  ) {
    super();
    this.answered = metrics?.counter(
      'rpc_server_requests_total',
      'RPC requests this service answered, by pattern and outcome (ok, 4xx, 5xx, busy: refused unstarted after queueing too long)',
      ['pattern', 'outcome'],
    );
    this.durations = metrics?.histogram('rpc_server_duration_seconds', 'Time from receiving an RPC request to replying, queueing included, by pattern', [
      'pattern',
    ]);
  }

  async listen(callback: (...args: unknown[]) => void): Promise<void> {
    try {
      await this.nats.connect();
      for (const [pattern, handler] of this.messageHandlers) {
        const subject = this.nats.names.rpc(pattern);
        const heldOpen = handler.extras?.holdsOpen === true;
        this.subscriptions.push(
          this.nats.nc.subscribe(subject, { queue: this.queueGroup, callback: (error, msg) => void this.answer(error, msg, pattern, handler, heldOpen) }),
        );
        this.logger.log(`answering ${subject} in queue group ${this.queueGroup}${heldOpen ? ' (held open, outside the turns)' : ''}`);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops taking requests; those already received are answered before the connection drains. */
  async stopListening(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain().catch(() => undefined)));
  }

  async close(): Promise<void> {
    await this.stopListening();
  }

  on(): void {
    // No transport events worth exposing.
  }

  unwrap<T>(): T {
    return this.nats.nc as T;
  }

  /** `heldOpen` (a HOLDS_OPEN pattern): started at once, outside the turns, never refused busy. */
  private async answer(error: Error | null, msg: Msg, pattern: string, handler: MessageHandler, heldOpen: boolean): Promise<void> {
    if (error) return this.logger.error(`subscription error: ${error.message}`);
    const receivedAt = Date.now();
    if (heldOpen) return this.handle(msg, pattern, handler, receivedAt);
    const waits = Number(msg.headers?.get(RPC_TIMEOUT_HEADER)) || ASSUMED_WAIT_MS;
    return this.slots.run(async () => {
      // Under overload the line grows faster than it drains: a request that queued past its share of the
      // caller's wait is refused at once with a definite "not started", so the service keeps finishing what
      // its callers still wait for instead of collapsing into work they gave up on ("may have been processed").
      const queuedMs = Date.now() - receivedAt;
      if (queuedMs > waits * QUEUE_SHARE) return this.refuseBusy(msg, pattern, queuedMs);
      return this.handle(msg, pattern, handler, receivedAt);
    });
  }

  private async handle(msg: Msg, pattern: string, handler: MessageHandler, receivedAt: number): Promise<void> {
    const outcome = await inSpan(`rpc ${pattern}`, { kind: SpanKind.SERVER, parent: traceContextFrom(msg.headers) }, () => this.respond(msg, handler));
    this.answered?.inc({ pattern, outcome });
    this.durations?.observe({ pattern }, (Date.now() - receivedAt) / 1000);
  }

  /** Answers 503 without starting the work; the gateway adds Retry-After, and a retry with the same Idempotency-Key is safe. */
  private refuseBusy(msg: Msg, pattern: string, queuedMs: number): void {
    this.busy += 1;
    this.answered?.inc({ pattern, outcome: 'busy' });
    if (this.busy % 100 === 1) this.logger.warn(`refused ${this.busy} request(s) unstarted after queueing too long (latest: ${msg.subject}, ${queuedMs} ms)`);
    const { problem } = ProblemError.busy(
      `The ${this.queueGroup} service is busy and did not start this request (it waited ${queuedMs} ms for a turn); nothing was done. Retry shortly.`,
    );
    const reply: RpcReply = { ok: false, problem, busy: true };
    msg.respond(JSON.stringify(reply));
  }

  /** Replies and says how it went: `ok`, a refusal the caller acts on (`4xx`) or a failure (`5xx`). */
  private async respond(msg: Msg, handler: MessageHandler): Promise<'ok' | '4xx' | '5xx'> {
    let reply: RpcReply;
    try {
      const request: unknown = JSON.parse(msg.string());
      const result = await handler(request);
      const value = isObservable(result) ? await lastValueFrom(result) : await result;
      reply = { ok: true, data: value };
    } catch (caught) {
      const problem = toProblem(caught);
      if (problem.status >= 500) this.logger.error({ err: caught, subject: msg.subject }, 'rpc handler failed');
      reply = { ok: false, problem };
    }
    msg.respond(JSON.stringify(reply));
    return reply.ok ? 'ok' : reply.problem.status >= 500 ? '5xx' : '4xx';
  }
}
