import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Counter, Histogram } from 'prom-client';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { MetricsService } from '@mediation/platform';
import { EventEnvelopeSchema, findEventDefinition } from '@mediation/protocol';
import { NatsConnectionService } from '../nats/nats.connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../nats/nats.options';
import { quoteIdent, Transactions } from '../outbox/sql-tx';
import { Semaphore } from '../concurrency/semaphore';
import { ConsumerLanes } from './consumer-lanes';
import { sendToDeadLetter } from './dead-letter';
import { EVENT_CONSUMER, type EventHandler } from './event-handler';
import { InboxBatch, redeliveryDelayMs, type InboxMessage, type InboxRoute, type Outcome, type ParsedMessage } from './inbox-batch';
import { consumerPlan, ensureDurableConsumer, SERVICE_CONSUMER } from './service-consumer';

export { MAX_DELIVERIES, redeliveryDelayMs } from './inbox-batch';

/** Short, so a crashed replica's unacked messages come back quickly; held messages heartbeat instead. */
const ACK_WAIT_MS = 10_000;
/** Lanes per consumer: aggregates spread over them, so one slow case does not hold up the others. */
const LANES = 4;
/** Messages handled in one transaction at most; bounded so a batch stays well inside the 15 s transaction timeout. */
const MAX_BATCH = 64;
/** Messages one consumer holds (queued or in a batch) before it stops pulling; below max_ack_pending with two replicas. */
const MAX_HELD = 256;
/** A lingering consumer waits for more only from this many messages a second: below it, batches would stay small anyway. */
const LINGER_FROM_PER_SECOND = 16;
/**
 * Messages asked for per pull. JetStream fills one replica's pull before the next one's, so small
 * pulls spread the work evenly over replicas; the client pulls again long before one runs dry.
 */
const PULL_SIZE = 16;
/** Transactions the host runs at once, leaving connections of the pool of 10 for RPC and jobs. */
const MAX_TRANSACTIONS = 6;

interface Delivery extends InboxMessage {
  msg: JsMsg;
}

/** A durable consumer feeding a subscription's lanes. */
interface Source {
  durable: string;
  messages: ConsumerMessages;
  loop: Promise<void>;
}

interface Subscription {
  /** The group's durable consumer (on NATS 2.9, the stem of one per event type; see consumerPlan). */
  durable: string;
  /** The service's handlers by the event type they consume. */
  routes: Map<string, InboxRoute[]>;
  sources: Source[];
  lanes: ConsumerLanes<Delivery>;
  /** Every message delivered and not yet settled: they heartbeat until acked, nak'd or dead-lettered. */
  held: Set<JsMsg>;
}

/**
 * Runs one durable pull consumer per service (and one per handler group a slow handler names), shared by
 * every replica, that delivers every event type the service's handlers consume. Messages are handled in batches (see InboxBatch) whatever their type:
 * one aggregate's events in order, different aggregates in parallel lanes, each handler keeping inbox
 * rows of its own. One consumer, not one per type, so a referral's burst of events costs a service one
 * transaction instead of one per event type.
 */
@Injectable()
export class EventConsumerHost {
  private readonly logger = new Logger('EventConsumers');
  private readonly subscriptions: Subscription[] = [];
  private readonly handlers: (InboxRoute & { group: string })[] = [];
  private readonly inbox: string;
  private readonly consumed: Counter;
  private readonly batchSizes: Histogram;
  private readonly batchDurations: Histogram;
  private readonly transactionSlots = new Semaphore(MAX_TRANSACTIONS);
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly transactions: Transactions,
    private readonly metrics: MetricsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly discovery: DiscoveryService,
  ) {
    this.inbox = `${quoteIdent(options.schema)}.inbox`;
    this.consumed = this.metrics.counter('events_consumed_total', 'Events consumed, by outcome', ['type', 'outcome']);
    this.batchSizes = this.metrics.histogram(
      'events_consumed_per_transaction',
      'Events handled in one committed inbox transaction',
      [],
      [1, 2, 4, 8, 16, 32, 64],
    );
    this.batchDurations = this.metrics.histogram(
      'events_batch_duration_seconds',
      'Time to handle one batch of events, commit and settle included, by consumer',
      ['consumer'],
    );
  }

  /** Finds every provider marked `@EventConsumer()`; a duplicate or an event with no schema stops the boot. */
  register(): void {
    const handlers = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && Reflect.getMetadata(EVENT_CONSUMER, wrapper.metatype))
      .map((wrapper) => wrapper.instance as EventHandler);
    for (const handler of handlers) {
      // Fail fast: a handler for an event with no schema in the catalogue cannot be trusted.
      if (findEventDefinition(handler.consumes.type) !== handler.consumes) {
        throw new Error(`${this.options.service}: no schema in libs/protocol for consumed event ${handler.consumes.type}; add it to EVENT_CATALOG`);
      }
      const consumer = this.nats.names.durable(this.options.service, handler.purpose ?? handler.consumes.type);
      if (this.handlers.some((h) => h.consumer === consumer))
        throw new Error(`${this.options.service}: two handlers share the inbox name ${consumer}; give one a purpose`);
      this.handlers.push({ consumer, handler, group: handler.group ?? SERVICE_CONSUMER });
    }
    for (const group of new Set(this.handlers.map((h) => h.group))) {
      this.subscriptions.push(
        this.subscribe(
          this.nats.names.durable(this.options.service, group),
          this.handlers.filter((h) => h.group === group),
        ),
      );
    }
  }

  /** The durable consumers this process reads from, once started. */
  durables(): string[] {
    return this.subscriptions.flatMap((s) => s.sources.map((source) => source.durable));
  }

  get handlerCount(): number {
    return this.handlers.length;
  }

  async start(): Promise<void> {
    await this.nats.connect();
    const settings = { ack_wait: nanos(ACK_WAIT_MS), max_ack_pending: 1_000, log: (line: string) => this.logger.log(line) };
    for (const sub of this.subscriptions) {
      for (const planned of consumerPlan(this.nats, sub.durable, sub.routes)) {
        await ensureDurableConsumer(this.nats, planned, settings);
        const consumer = await this.nats.jetstream.consumers.get(this.nats.names.eventsStream, planned.durable);
        const messages = await consumer.consume({ max_messages: PULL_SIZE });
        sub.sources.push({ durable: planned.durable, messages, loop: this.consume(sub, messages) });
        const what = planned.wholeStream ? `the whole stream in order (handling ${planned.types.join(', ')})` : planned.types.join(', ');
        this.logger.log(`consuming ${what} as ${planned.durable}`);
      }
    }
    // Everything held, queued or in a batch, tells JetStream it is still being worked on.
    this.heartbeat ??= setInterval(() => {
      for (const sub of this.subscriptions) for (const msg of sub.held) msg.working();
    }, ACK_WAIT_MS / 2);
    this.heartbeat.unref();
  }

  /** Stops pulling; messages queued and not started go straight back to the stream for another replica. */
  async stopConsuming(): Promise<void> {
    for (const sub of this.subscriptions) for (const source of sub.sources) source.messages.stop();
    await Promise.all(this.subscriptions.flatMap((s) => s.sources.map((source) => source.loop)));
    for (const sub of this.subscriptions) {
      for (const delivery of sub.lanes.stop()) {
        sub.held.delete(delivery.msg);
        delivery.msg.nak();
      }
    }
  }

  async finishInFlight(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.lanes.idle()));
    clearInterval(this.heartbeat);
  }

  private subscribe(durable: string, handlers: InboxRoute[]): Subscription {
    const routes = new Map<string, InboxRoute[]>();
    for (const route of handlers) routes.set(route.handler.consumes.type, [...(routes.get(route.handler.consumes.type) ?? []), route]);
    const batch = new InboxBatch<Delivery>({
      inbox: this.inbox,
      routes: (type) => routes.get(type) ?? [],
      transactions: this.transactions,
      settle: (delivery, outcome) => this.settle(sub, delivery, outcome),
      afterCommitFailed: (error) => this.logger.warn(`${durable}: after-commit action failed (its sweeper will catch up): ${error.message}`),
      limit: (work) => this.transactionSlots.run(work),
      committed: (size) => this.batchSizes.observe(size),
      fellBack: (size, error) => this.logger.warn(`${durable}: a batch of ${size} was rolled back (${error.message}); handling them one by one`),
    });
    const sub: Subscription = {
      durable,
      routes,
      sources: [],
      held: new Set(),
      lanes: new ConsumerLanes<Delivery>({
        lanes: LANES,
        maxBatch: MAX_BATCH,
        lingerMs: this.options.consumerLingerMs ?? 0,
        lingerFromPerSecond: LINGER_FROM_PER_SECOND,
        lingerFollowsBatches: this.options.consumerLingerFollowsBatches,
        process: (deliveries) => batch.process(deliveries),
        batchTook: (ms) => this.batchDurations.observe({ consumer: durable }, ms / 1000),
        onError: (error, deliveries) => this.unsettled(sub, deliveries, error),
      }),
    };
    return sub;
  }

  private async consume(sub: Subscription, messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      const type = this.nats.names.typeOfEvent(msg.subject);
      // A whole-stream consumer (see consumerPlan) delivers types the group has no handler for, as would a filter changed by hand.
      if (!sub.routes.has(type)) {
        msg.ack();
        continue;
      }
      await sub.lanes.whenBelow(MAX_HELD);
      const parsed = this.parse(sub, type, msg);
      sub.held.add(msg);
      const traceparent = msg.headers?.get('traceparent') || undefined;
      sub.lanes.push(parsed.ok ? parsed.envelope.subject : `seq-${msg.seq}`, { msg, seq: msg.seq, deliveryCount: msg.info.deliveryCount, parsed, traceparent });
    }
  }

  private async settle(sub: Subscription, { msg, parsed }: Delivery, outcome: Outcome): Promise<void> {
    const type = parsed.ok ? parsed.envelope.type : this.nats.names.typeOfEvent(msg.subject);
    sub.held.delete(msg);
    switch (outcome.kind) {
      case 'handled':
      case 'duplicate':
        msg.ack();
        this.consumed.inc({ type, outcome: outcome.kind });
        return;
      case 'retry':
        this.logger.warn(`${sub.durable}: event ${msg.seq} failed (delivery ${msg.info.deliveryCount}), retrying: ${outcome.reason}`);
        this.consumed.inc({ type, outcome: 'retried' });
        msg.nak(outcome.delayMs);
        return;
      case 'dead':
        return this.deadLetter(sub, msg, outcome.reason, outcome.cause);
    }
  }

  /** A batch that threw past its own handling (a bug): whatever it left unsettled is redelivered. */
  private unsettled(sub: Subscription, deliveries: Delivery[], error: unknown): void {
    this.logger.error(`${sub.durable}: a batch failed unexpectedly; its unsettled events will be redelivered: ${(error as Error)?.message ?? error}`);
    for (const { msg } of deliveries) {
      if (!sub.held.delete(msg)) continue;
      msg.nak(redeliveryDelayMs(msg.info.deliveryCount));
    }
  }

  private parse(sub: Subscription, subjectType: string, msg: JsMsg): ParsedMessage {
    let raw: unknown;
    try {
      raw = JSON.parse(msg.string());
    } catch {
      return { ok: false as const, reason: 'schema: the message is not JSON' };
    }
    const envelope = EventEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { ok: false as const, reason: `schema: envelope ${describeIssues(envelope.error.issues)}` };
    if (envelope.data.type !== subjectType) return { ok: false as const, reason: `schema: expected type ${subjectType}, got ${envelope.data.type}` };
    const data = sub.routes.get(subjectType)![0].handler.consumes.schema.safeParse(envelope.data.data);
    if (!data.success) return { ok: false as const, reason: `schema: data ${describeIssues(data.error.issues)}` };
    return { ok: true as const, envelope: { ...envelope.data, data: data.data } };
  }

  private async deadLetter(sub: Subscription, msg: JsMsg, reason: string, outcome: string): Promise<void> {
    try {
      await sendToDeadLetter(this.nats.jetstream, this.nats.names.dlq(this.options.service, sub.durable), msg, { reason, consumer: sub.durable });
      msg.term(reason.slice(0, 200));
      this.logger.error(`${sub.durable}: event ${msg.seq} sent to the DLQ: ${reason}`);
      this.consumed.inc({ type: this.nats.names.typeOfEvent(msg.subject), outcome: `dlq-${outcome}` });
    } catch (error) {
      // Could not reach the DLQ: leave the message for redelivery rather than lose it.
      this.logger.error(`${sub.durable}: could not dead-letter event ${msg.seq}: ${(error as Error).message}`);
      msg.nak(redeliveryDelayMs(msg.info.deliveryCount));
    }
  }
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
