import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { inSpan, SpanKind, toProblem, traceContextFrom, type MetricsService } from '@mediation/platform';
import type { Counter, Histogram } from 'prom-client';
import type { RpcReply } from '@mediation/protocol';
import { isObservable, lastValueFrom } from 'rxjs';
import { Semaphore } from '../concurrency/semaphore';
import type { NatsConnectionService } from '../nats/nats.connection';
import { RPC_TIMEOUT_HEADER } from './rpc.client';

/** Requests one process handles at once: more than its database pool serves, since some wait on other services. */
const RPC_CONCURRENCY = 16;
/** A request with less than this left of its caller's wait is not started: its answer would arrive too late. */
const EXPIRY_MARGIN_MS = 100;

/**
 * A Nest transport strategy for request/reply over NATS core: each `@MessagePattern('rpc.x.verb')`
 * becomes a subscription in the service's queue group, so replicas share the load. Errors travel
 * back as problem details, never as stack traces.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('NatsRpc');
  private readonly subscriptions: Subscription[] = [];
  /** Requests handled at once; the rest wait here in order, where an expired one can be dropped unstarted. */
  private readonly slots = new Semaphore(RPC_CONCURRENCY);
  private expired = 0;
  private readonly answered?: Counter;
  private readonly durations?: Histogram;

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly queueGroup: string,
    metrics?: MetricsService,
  ) {
    super();
    this.answered = metrics?.counter('rpc_server_requests_total', 'RPC requests this service answered (or dropped unstarted), by pattern and outcome', [
      'pattern',
      'outcome',
    ]);
    this.durations = metrics?.histogram('rpc_server_duration_seconds', 'Time from receiving an RPC request to replying, queueing included, by pattern', [
      'pattern',
    ]);
  }

  async listen(callback: (...args: unknown[]) => void): Promise<void> {
    try {
      await this.nats.connect();
      for (const [pattern, handler] of this.messageHandlers) {
        const subject = this.nats.names.rpc(pattern);
        this.subscriptions.push(
          this.nats.nc.subscribe(subject, { queue: this.queueGroup, callback: (error, msg) => void this.answer(error, msg, pattern, handler) }),
        );
        this.logger.log(`answering ${subject} in queue group ${this.queueGroup}`);
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

  private async answer(error: Error | null, msg: Msg, pattern: string, handler: MessageHandler): Promise<void> {
    if (error) return this.logger.error(`subscription error: ${error.message}`);
    const receivedAt = Date.now();
    const waits = Number(msg.headers?.get(RPC_TIMEOUT_HEADER)) || undefined;
    return this.slots.run(async () => {
      // The caller has stopped waiting (it answered 503 "may have been processed"): starting now would only
      // delay the requests behind this one past their own deadlines too, so under overload the service
      // keeps answering what can still be answered instead of collapsing into work nobody waits for.
      if (waits !== undefined && Date.now() - receivedAt > waits - EXPIRY_MARGIN_MS) {
        this.expired += 1;
        this.answered?.inc({ pattern, outcome: 'expired' });
        if (this.expired % 100 === 1) this.logger.warn(`dropped ${this.expired} request(s) whose caller had stopped waiting (latest: ${msg.subject})`);
        return;
      }
      const outcome = await inSpan(`rpc ${pattern}`, { kind: SpanKind.SERVER, parent: traceContextFrom(msg.headers) }, () => this.respond(msg, handler));
      this.answered?.inc({ pattern, outcome });
      this.durations?.observe({ pattern }, (Date.now() - receivedAt) / 1000);
    });
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
