import type { EventEnvelope } from '@mediation/protocol';
import {
  bindTraceContext,
  inSpan,
  isTracing,
  leanSql,
  lockOrder,
  locksCte,
  locksTaken,
  SpanKind,
  tenantSettingCte,
  traceContextFrom,
} from '@mediation/platform';
import type { SqlTx, Transactions } from '../outbox/sql-tx';
import { EventNotReadyError, PermanentEventError, type EventHandler } from './event-handler';

export const MAX_DELIVERIES = 8;

/** Backoff before redelivery after a transient failure: 0.5 s, 1 s, 2 s ... capped at 30 s. */
export function redeliveryDelayMs(deliveryCount: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, deliveryCount - 1));
}

/** The first retry of an event that came before the one it depends on: soon, since the other is usually a moment behind. */
const NOT_READY_FIRST_RETRY_MS = 100;

export type ParsedMessage = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/** One delivered message as a batch sees it. */
export interface InboxMessage {
  /** The stream sequence, for logs and the DLQ. */
  seq: number;
  /** How often JetStream has delivered it, this time included. */
  deliveryCount: number;
  parsed: ParsedMessage;
  /** The message's `traceparent` header (the relay's publish span), when the publisher traced it. */
  traceparent?: string;
}

/** What becomes of one message: acked (handled or a duplicate), nak'd with a delay, or dead-lettered. */
export type Outcome =
  | { kind: 'handled' }
  | { kind: 'duplicate' }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'dead'; cause: 'schema' | 'permanent' | 'exhausted'; reason: string };

/** A handler of the service and the name its inbox rows carry (its own, whichever durable consumer delivered the event). */
export interface InboxRoute {
  consumer: string;
  handler: EventHandler;
}

export interface InboxBatchOptions<M extends InboxMessage> {
  /** The service's inbox table, quoted. */
  inbox: string;
  /** The handlers of one event type, in the order they run; every message in a batch has at least one. */
  routes(type: string): readonly InboxRoute[];
  transactions: Transactions;
  /** Called once per message as soon as its outcome is final (after the commit for handled ones). */
  settle(message: M, outcome: Outcome): Promise<void>;
  /** An after-commit action failed; its sweeper will catch up. */
  afterCommitFailed(error: Error): void;
  /** Wraps every transaction, e.g. to bound how many run at once. */
  limit?<T>(work: () => Promise<T>): Promise<T>;
  /** Told the size of every transaction that committed, for the batch-size metric. */
  committed?(size: number): void;
  /** A batch was rolled back and is being redone one message per transaction. */
  fellBack?(size: number, error: Error): void;
}

type Readable<M> = M & { parsed: { ok: true; envelope: EventEnvelope } };

/** A handler threw on the message at this index of its group: the batch is rolled back and split there. */
class HandlerFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** One handler's share of one message: its inbox row and its call. */
interface Claim {
  /** The message's index in its group. */
  message: number;
  id: string;
  route: InboxRoute;
}

/**
 * Handles a batch of one consumer's messages with as few transactions as it can: one per tenant
 * (row-level security is set per transaction), with one multi-row inbox insert that says which
 * events are new, the handlers in stream order, and the after-commit actions and acks once it
 * commits. When a handler throws, the transaction is rolled back and the group split at that message
 * (those before it together, it alone, the rest together; one per transaction when the failure was
 * outside any handler), so a poison message reaches the DLQ alone, a transient failure is retried with backoff, and the
 * others are neither lost (they were rolled back, not acked) nor duplicated (the inbox).
 */
export class InboxBatch<M extends InboxMessage> {
  constructor(private readonly options: InboxBatchOptions<M>) {}

  async process(batch: M[]): Promise<void> {
    const tenants = new Map<string, Readable<M>[]>();
    for (const message of batch) {
      if (!message.parsed.ok) {
        await this.options.settle(message, { kind: 'dead', cause: 'schema', reason: message.parsed.reason });
        continue;
      }
      const organisationId = message.parsed.envelope.organisationid;
      const group = tenants.get(organisationId) ?? [];
      group.push(message as Readable<M>);
      tenants.set(organisationId, group);
    }
    for (const group of tenants.values()) await this.processGroup(group);
  }

  private async processGroup(group: Readable<M>[]): Promise<void> {
    let outcomes: Outcome[];
    let afterCommit: (() => Promise<unknown>)[];
    try {
      ({ outcomes, afterCommit } = await this.runTransaction(group));
    } catch (thrown) {
      const failed = thrown instanceof HandlerFailure ? thrown.index : undefined;
      const error = thrown instanceof HandlerFailure ? thrown.cause : thrown;
      if (group.length === 1) return this.options.settle(group[0], this.failure(group[0], error));
      this.options.fellBack?.(group.length, error as Error);
      // The transaction failed outside any handler (e.g. its commit): one transaction each, in stream order.
      if (failed === undefined) {
        for (const message of group) await this.processGroup([message]);
        return;
      }
      // Rolled back at one message: those before it again together, it alone (so its outcome is its own), then the rest together; stream order holds.
      for (const part of [group.slice(0, failed), [group[failed]], group.slice(failed + 1)]) if (part.length > 0) await this.processGroup(part);
      return;
    }
    this.options.committed?.(group.length);
    // Not awaited: a slow Redis must not stall the event stream; each action has a sweeper behind it.
    for (const action of afterCommit) void action().catch((error: Error) => this.options.afterCommitFailed(error));
    // Settled together, not one after another: each ack is written to NATS when the tick ends, so a batch's
    // acks leave in one socket write instead of one write each.
    await Promise.all(group.map((message, i) => this.options.settle(message, outcomes[i])));
  }

  private runTransaction(group: Readable<M>[]) {
    const work = () =>
      this.options.transactions.run(
        async (tx) => {
          const claims = this.claimsOf(group);
          const fresh = await this.claim(tx, claims, group, group[0].parsed.envelope.organisationid);
          const afterCommit: (() => Promise<unknown>)[] = [];
          // Bound to the handler's span, so a job it enqueues after the commit continues the event's trace.
          const context = { afterCommit: (action: () => Promise<unknown>) => afterCommit.push(bindTraceContext(action)) };
          const outcomes: Outcome[] = group.map(() => ({ kind: 'duplicate' }));
          for (const [i, claim] of claims.entries()) {
            if (!fresh.has(i)) continue;
            const message = group[claim.message];
            const notReady = await handleTraced(claim.route, message, () => claim.route.handler.handle(message.parsed.envelope, tx, context)).then(
              () => undefined,
              (error: unknown) => {
                if (error instanceof EventNotReadyError) return error;
                throw new HandlerFailure(claim.message, error);
              },
            );
            if (notReady) {
              // Not ready wrote nothing (see EventNotReadyError): only this handler's claim is taken back, and the batch goes on.
              await this.unclaim(tx, claim);
              outcomes[claim.message] = this.failure(message, notReady);
            } else if (outcomes[claim.message].kind === 'duplicate') outcomes[claim.message] = { kind: 'handled' };
          }
          return { outcomes, afterCommit };
        },
        { organisationId: group[0].parsed.envelope.organisationid, tenantSetByWork: true },
      );
    return this.options.limit ? this.options.limit(work) : work();
  }

  /** Every (message, handler) pair of the group, in stream order and then handler order. */
  private claimsOf(group: Readable<M>[]): Claim[] {
    return group.flatMap((message, i) =>
      this.options.routes(message.parsed.envelope.type).map((route) => ({ message: i, id: message.parsed.envelope.id, route })),
    );
  }

  /**
   * One statement records every (handler, event) pair of the group in the inbox and returns the ones that
   * were not there yet; the first copy of an event that appears twice in the group is the one handled.
   */
  private async claim(tx: SqlTx, claims: Claim[], group: Readable<M>[], organisationId: string): Promise<Set<number>> {
    const ids = claims.map((c) => c.id);
    const locks = lockOrder(claims.flatMap((c) => c.route.handler.locks?.(group[c.message].parsed.envelope) ?? []));
    // The transaction's tenant is set by this, its first statement (joined, so it runs first), not by a statement of its own;
    // so are the locks its handlers asked for, held before any of their statements takes its snapshot.
    const rows = await leanSql(tx).rows<{ consumer: string; event_id: string }>(
      `WITH ${tenantSettingCte(3)}${locks.length > 0 ? `, ${locksCte(4)}` : ''}
       INSERT INTO ${this.options.inbox} (consumer, event_id) SELECT u.consumer, u.event_id FROM tenant, ${locks.length > 0 ? 'locked, ' : ''}unnest($1::text[], $2::uuid[]) AS u(consumer, event_id)
       ON CONFLICT DO NOTHING RETURNING consumer, event_id::text`,
      claims.map((c) => c.route.consumer),
      ids,
      organisationId,
      ...(locks.length > 0 ? [locks] : []),
    );
    locksTaken(tx, locks);
    const inserted = new Set(rows.map((r) => `${r.consumer} ${r.event_id}`));
    const fresh = new Set<number>();
    claims.forEach((claim, i) => {
      if (inserted.delete(`${claim.route.consumer} ${ids[i].toLowerCase()}`)) fresh.add(i);
    });
    return fresh;
  }

  /** Takes back one handler's inbox claim on an event, in the transaction that made it, so its redelivery is handled. */
  private async unclaim(tx: SqlTx, claim: Claim): Promise<void> {
    await leanSql(tx).count(`DELETE FROM ${this.options.inbox} WHERE consumer = $1 AND event_id = $2::uuid`, claim.route.consumer, claim.id);
  }

  private failure(message: M, error: unknown): Outcome {
    const reason = (error as Error)?.message ?? String(error);
    if (error instanceof PermanentEventError) return { kind: 'dead', cause: 'permanent', reason: `permanent: ${reason}` };
    if (message.deliveryCount >= MAX_DELIVERIES)
      return { kind: 'dead', cause: 'exhausted', reason: `gave up after ${message.deliveryCount} deliveries: ${reason}` };
    const delayMs = error instanceof EventNotReadyError && message.deliveryCount === 1 ? NOT_READY_FIRST_RETRY_MS : redeliveryDelayMs(message.deliveryCount);
    return { kind: 'retry', delayMs, reason };
  }
}

/** Traced, each handler's work on an event is a consumer span under the publish that delivered it, so what it appends continues the trace. */
function handleTraced(route: InboxRoute, message: Readable<InboxMessage>, handle: () => Promise<void>): Promise<void> {
  if (!isTracing()) return handle();
  const { envelope } = message.parsed;
  return inSpan(
    `handle ${envelope.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: traceContextFrom(message.traceparent ?? envelope.traceparent),
      attributes: { 'messaging.consumer.name': route.consumer },
    },
    handle,
  );
}
