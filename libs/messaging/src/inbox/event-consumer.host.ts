import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Counter } from 'prom-client';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { MetricsService } from '@mediation/platform';
import { EventEnvelopeSchema, findEventDefinition, type EventEnvelope } from '@mediation/protocol';
import { NatsConnectionService } from '../nats/nats.connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../nats/nats.options';
import { quoteIdent, Transactions } from '../outbox/sql-tx';
import { sendToDeadLetter } from './dead-letter';
import { EVENT_CONSUMER, PermanentEventError, type EventHandler } from './event-handler';

export const MAX_DELIVERIES = 8;
const CONCURRENCY = 16;
/** Short, so a crashed replica's unacked messages come back quickly; slow handlers heartbeat instead. */
const ACK_WAIT_MS = 10_000;

/** Backoff before redelivery after a transient failure: 0.5 s, 1 s, 2 s ... capped at 30 s. */
export function redeliveryDelayMs(deliveryCount: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, deliveryCount - 1));
}

type ParsedMessage = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

interface Subscription {
  handler: EventHandler;
  durable: string;
  messages?: ConsumerMessages;
  loop?: Promise<void>;
}

/**
 * Runs one durable pull consumer per handler, shared by every replica of the service.
 * Events of one aggregate are handled one after another; different aggregates run in parallel.
 */
@Injectable()
export class EventConsumerHost {
  private readonly logger = new Logger('EventConsumers');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly inbox: string;
  private readonly consumed: Counter;

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly transactions: Transactions,
    private readonly metrics: MetricsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly discovery: DiscoveryService,
  ) {
    this.inbox = `${quoteIdent(options.schema)}.inbox`;
    this.consumed = this.metrics.counter('events_consumed_total', 'Events consumed, by outcome', ['type', 'outcome']);
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
      const durable = this.nats.names.durable(this.options.service, handler.purpose ?? handler.consumes.type);
      if (this.subscriptions.some((s) => s.durable === durable)) throw new Error(`${this.options.service}: two handlers share the consumer ${durable}; give one a purpose`);
      this.subscriptions.push({ handler, durable });
    }
  }

  get handlerCount(): number {
    return this.subscriptions.length;
  }

  async start(): Promise<void> {
    await this.nats.connect();
    const stream = this.nats.names.eventsStream;
    for (const sub of this.subscriptions) {
      const config = {
        durable_name: sub.durable,
        filter_subject: this.nats.names.eventFilter(sub.handler.consumes.type),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(ACK_WAIT_MS),
        max_ack_pending: 1_000,
      };
      await this.nats.manager.consumers.add(stream, config).catch(async (error) => {
        if (!String(error).includes('already exists')) throw error;
        await this.nats.manager.consumers.update(stream, sub.durable, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
      });
      const consumer = await this.nats.jetstream.consumers.get(stream, sub.durable);
      sub.messages = await consumer.consume({ max_messages: 256 });
      sub.loop = this.consume(sub);
      this.logger.log(`consuming ${sub.handler.consumes.type} as ${sub.durable}`);
    }
  }

  /** Stops pulling; messages already buffered are left unacked and will be redelivered. */
  async stopConsuming(): Promise<void> {
    for (const sub of this.subscriptions) sub.messages?.stop();
    await Promise.all(this.subscriptions.map((s) => s.loop));
  }

  async finishInFlight(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async consume(sub: Subscription): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    for await (const msg of sub.messages!) {
      while (this.inFlight.size >= CONCURRENCY) await Promise.race(this.inFlight);
      const parsed = this.parse(sub, msg);
      const key = parsed.ok ? parsed.envelope.subject : `seq-${msg.seq}`;
      const previous = chains.get(key) ?? Promise.resolve();
      const work: Promise<void> = previous.then(() => this.process(sub, msg, parsed));
      chains.set(key, work);
      this.inFlight.add(work);
      void work.finally(() => {
        this.inFlight.delete(work);
        if (chains.get(key) === work) chains.delete(key);
      });
    }
  }

  private async process(sub: Subscription, msg: JsMsg, parsed: ParsedMessage): Promise<void> {
    const type = sub.handler.consumes.type;
    if (!parsed.ok) return this.deadLetter(sub, msg, parsed.reason, 'schema');
    const heartbeat = setInterval(() => msg.working(), ACK_WAIT_MS / 2);
    try {
      const afterCommit: (() => Promise<unknown>)[] = [];
      const handled = await this.transactions.run(async (tx) => {
        const inserted = await tx.$executeRawUnsafe(`INSERT INTO ${this.inbox} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`, sub.durable, parsed.envelope.id);
        if (inserted === 0) return false;
        await sub.handler.handle(parsed.envelope, tx, { afterCommit: (action) => afterCommit.push(action) });
        return true;
      }, { organisationId: parsed.envelope.organisationid });
      msg.ack();
      // Not awaited: a slow Redis must not stall the event stream; each action has a sweeper behind it.
      for (const action of afterCommit) {
        void action().catch((error: Error) => this.logger.warn(`${sub.durable}: after-commit action failed (its sweeper will catch up): ${error.message}`));
      }
      this.consumed.inc({ type, outcome: handled ? 'handled' : 'duplicate' });
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      if (error instanceof PermanentEventError) return this.deadLetter(sub, msg, `permanent: ${reason}`, 'permanent');
      if (msg.info.deliveryCount >= MAX_DELIVERIES) return this.deadLetter(sub, msg, `gave up after ${msg.info.deliveryCount} deliveries: ${reason}`, 'exhausted');
      this.logger.warn(`${sub.durable}: event ${msg.seq} failed (delivery ${msg.info.deliveryCount}), retrying: ${reason}`);
      this.consumed.inc({ type, outcome: 'retried' });
      msg.nak(redeliveryDelayMs(msg.info.deliveryCount));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private parse(sub: Subscription, msg: JsMsg): ParsedMessage {
    let raw: unknown;
    try {
      raw = JSON.parse(msg.string());
    } catch {
      return { ok: false as const, reason: 'schema: the message is not JSON' };
    }
    const envelope = EventEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { ok: false as const, reason: `schema: envelope ${describeIssues(envelope.error.issues)}` };
    if (envelope.data.type !== sub.handler.consumes.type) return { ok: false as const, reason: `schema: expected type ${sub.handler.consumes.type}, got ${envelope.data.type}` };
    const data = sub.handler.consumes.schema.safeParse(envelope.data.data);
    if (!data.success) return { ok: false as const, reason: `schema: data ${describeIssues(data.error.issues)}` };
    return { ok: true as const, envelope: { ...envelope.data, data: data.data } };
  }

  private async deadLetter(sub: Subscription, msg: JsMsg, reason: string, outcome: string): Promise<void> {
    try {
      await sendToDeadLetter(this.nats.jetstream, this.nats.names.dlq(this.options.service, sub.durable), msg, { reason, consumer: sub.durable });
      msg.term(reason.slice(0, 200));
      this.logger.error(`${sub.durable}: event ${msg.seq} sent to the DLQ: ${reason}`);
      this.consumed.inc({ type: sub.handler.consumes.type, outcome: `dlq-${outcome}` });
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
