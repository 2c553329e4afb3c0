import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, currentTraceparent, leanSql, onCommit, WrittenBeforeCommit } from '@mediation/platform';
import { uuidv7, type EventData, type EventDefinition, type EventEnvelope } from '@mediation/protocol';
import { NatsConnectionService } from '../nats/nats.connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../nats/nats.options';
import { outboxWakeSubject } from './outbox-wake';
import { SubjectNames } from '@mediation/protocol';
import { outboxChannel, quoteIdent, type SqlTx } from './sql-tx';

export interface NewEvent<D extends EventDefinition> {
  definition: D;
  data: EventData<D>;
  /** The aggregate id the event is about. */
  subject: string;
  organisationId: string;
  contractId?: string;
  /** The aggregate's version after this change. */
  sequence: number;
  correlationId: string;
  causationId?: string;
}

/** An event a statement of the caller's own writes into the outbox, with the change it reports (see `EventPublisher.standalone`). */
export interface StandaloneEvent {
  /** The outbox table, schema-qualified. */
  table: string;
  /** The row's columns: the event's id, its NATS subject and its envelope. */
  id: string;
  subject: string;
  envelope: EventEnvelope;
  /** Call once the statement has inserted the row: wakes the relay. */
  written(): void;
}

/** Events the caller's own statement writes into the outbox beside its change, in a transaction (see `EventPublisher.beside`). */
export interface EventsBeside {
  envelopes: EventEnvelope[];
  /** The CTE body that inserts them, its three values numbered from `parameter`: `events AS (${insert(2)})`. */
  insert(parameter: number): string;
  /** The three values, in order: ids, NATS subjects, envelopes. */
  values: [string[], string[], string[]];
  /** Call once the statement has run: the relay is woken when the transaction commits. */
  written(): void;
}

/**
 * Writes events to the service's outbox inside the caller's transaction: the state change and the
 * event commit together or not at all. The relay publishes them afterwards.
 */
@Injectable()
export class EventPublisher {
  private readonly names: SubjectNames;
  private readonly table: string;
  private readonly channel: string;
  private readonly wakeSubject: string;
  /** Transactions that already wake the relay on commit: one wake-up per transaction, not per event. */
  private readonly waking = new WeakSet<object>();
  /** Events appended in a transaction and written to the outbox just before it commits, all in one statement. */
  private readonly queued = new WrittenBeforeCommit<EventEnvelope>((tx, envelopes) => this.writeQueued(tx as SqlTx, envelopes));

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly clock: Clock,
    /** Absent where a publisher is built by hand (use-case harnesses): the relay is then woken by NOTIFY. */
    @Optional() private readonly nats?: NatsConnectionService,
  ) {
    this.names = new SubjectNames(options.namespace);
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.channel = outboxChannel(options.schema);
    this.wakeSubject = outboxWakeSubject(options.namespace, options.schema);
  }

  async append<D extends EventDefinition>(tx: SqlTx, event: NewEvent<D>): Promise<EventEnvelope<EventData<D>>> {
    const [envelope] = await this.appendAll(tx, [event]);
    return envelope as EventEnvelope<EventData<D>>;
  }

  /**
   * Several events of one change, in the order given (the relay publishes them so). In a transaction
   * opened by `Transactions.run`/`forTenant` they are written just before it commits, with every other
   * event of the transaction, in one statement (a batch of 64 consumed events: one outbox insert, not
   * one per event); in any other transaction at once.
   */
  async appendAll(tx: SqlTx, events: NewEvent<EventDefinition>[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => this.envelope(event));
    if (envelopes.length === 0) return envelopes;
    if (this.queued.add(tx, envelopes)) return envelopes;
    // One wake-up per transaction, on commit: a NATS message when the transaction can say it committed,
    // else a NOTIFY carried by the first insert (PostgreSQL delivers it on commit only).
    const first = !this.waking.has(tx);
    // A transaction client has no $transaction; a bare client commits every statement, so it always wakes.
    if (first && !('$transaction' in tx)) this.waking.add(tx);
    const wake = first && !this.wakeOnCommit(tx);
    await this.insert(tx, envelopes, wake);
    return envelopes;
  }

  /**
   * An event for a change that is one statement with no transaction around it: the caller's statement inserts the
   * outbox row in a CTE beside its change (only when the change happened), so both commit together in one round trip
   * instead of BEGIN, change, outbox insert and COMMIT.
   */
  standalone<D extends EventDefinition>(event: NewEvent<D>): StandaloneEvent {
    const envelope = this.envelope(event);
    return {
      table: this.table,
      id: envelope.id,
      subject: this.names.event(envelope.organisationid, envelope.type),
      envelope,
      // Without NATS (a publisher built by hand) the relay's poll finds the row within a second.
      written: () => this.wakeRelay(),
    };
  }

  /**
   * Events of one change in a transaction, written by the caller's statement that makes the change (a CTE beside it), so
   * change and events take one round trip and the outbox no statement of its own before COMMIT. Refused once other events
   * of the transaction are queued: these would reach the outbox first, out of the order they were appended in.
   */
  beside(tx: SqlTx, events: NewEvent<EventDefinition>[]): EventsBeside {
    if (this.queued.has(tx)) throw new Error('events beside a statement must come before any event queued in the same transaction');
    const envelopes = events.map((event) => this.envelope(event));
    return {
      envelopes,
      insert: (parameter) => this.insertSql(parameter),
      values: this.columns(envelopes),
      written: () => {
        // A bare client committed the statement itself: the relay is woken at once.
        if (!this.wakeOnCommit(tx)) this.wakeRelay();
      },
    };
  }

  private async writeQueued(tx: SqlTx, envelopes: EventEnvelope[]): Promise<void> {
    await this.insert(tx, envelopes, !this.wakeOnCommit(tx));
  }

  private async insert(tx: SqlTx, envelopes: EventEnvelope[], wake: boolean): Promise<void> {
    await leanSql(tx).count(this.insertSql(1, wake), ...this.columns(envelopes));
  }

  /** One statement for any number of events, in the order given; `wake` carries a NOTIFY that PostgreSQL delivers on commit. */
  private insertSql(parameter: number, wake = false): string {
    const [ids, subjects, envelopes] = [parameter, parameter + 1, parameter + 2].map((n) => `$${n}`);
    return `INSERT INTO ${this.table} (id, subject, envelope)
       SELECT e.id, e.subject, e.envelope FROM unnest(${ids}::uuid[], ${subjects}::text[], ${envelopes}::jsonb[]) WITH ORDINALITY AS e(id, subject, envelope, n)
       ${wake ? `CROSS JOIN (SELECT pg_notify('${this.channel}', '')) AS wake` : ''}
       ORDER BY e.n`;
  }

  private columns(envelopes: EventEnvelope[]): [string[], string[], string[]] {
    return [envelopes.map((e) => e.id), envelopes.map((e) => this.names.event(e.organisationid, e.type)), envelopes.map((e) => JSON.stringify(e))];
  }

  /** Wakes the relay with a NATS message once `tx` commits; false when it cannot (no NATS, or a transaction it cannot see commit). */
  private wakeOnCommit(tx: SqlTx): boolean {
    return Boolean(this.nats) && onCommit(tx, () => this.wakeRelay());
  }

  /** Fire and forget: should it be lost, the relay's poll finds the rows within a second. */
  private wakeRelay(): void {
    try {
      this.nats?.nc.publish(this.wakeSubject);
    } catch {
      // NATS is not connected: the poll will do.
    }
  }

  private envelope(event: NewEvent<EventDefinition>): EventEnvelope {
    if (event.definition.service !== this.options.service) {
      throw new Error(`${this.options.service} cannot publish ${event.definition.type}: a service publishes only its own events`);
    }
    return {
      specversion: '1.0',
      id: uuidv7(),
      source: `/services/${this.options.service}`,
      type: event.definition.type,
      subject: event.subject,
      time: this.clock.now().toISOString(),
      datacontenttype: 'application/json',
      data: event.definition.schema.parse(event.data),
      organisationid: event.organisationId,
      ...(event.contractId ? { contractid: event.contractId } : {}),
      sequence: event.sequence,
      correlationid: event.correlationId,
      ...(event.causationId ? { causationid: event.causationId } : {}),
      ...traceparentOf(),
    };
  }
}

/** The CloudEvents distributed-tracing extension: the span that appended the event, kept in the outbox row across the relay. */
function traceparentOf(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}
