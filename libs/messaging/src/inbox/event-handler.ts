import { SetMetadata } from '@nestjs/common';
import type { EventData, EventDefinition, EventEnvelope } from '@mediation/protocol';
import type { SqlTx } from '../outbox/sql-tx';

/**
 * A NATS adapter: reacts to one event type by calling one use-case inside the transaction that
 * also records the inbox row, so the effect happens exactly once however often the event arrives.
 */
export interface EventHandler<D extends EventDefinition = EventDefinition, Tx extends SqlTx = SqlTx> {
  readonly consumes: D;
  /** Names the handler's inbox rows with the service; defaults to the event type. */
  readonly purpose?: string;
  /**
   * The durable consumer that delivers its events, `<service>__<group>`; defaults to `events`, which all of
   * the service's handlers share. A slow handler (a PDF, a call to another service) names a group of its own
   * so it never holds up the rest.
   */
  readonly group?: string;
  /**
   * Whether one aggregate's events must reach this handler in the order they were published whatever their types
   * (a feed partners read in order). NATS 2.10+ keeps that order for every consumer; NATS 2.9 filters one subject per
   * consumer, so there a group with such a handler reads the whole event stream through one consumer instead of one
   * consumer per type, and acknowledges unread the types it has no handler for.
   */
  readonly needsOrderAcrossTypes?: boolean;
  /**
   * Advisory locks (by name, see `lockForTransaction`) the handling of this event takes before its statements read:
   * the inbox claim that begins the transaction takes them, so the handler's own `lockForTransaction` calls cost no
   * statement.
   */
  locks?(event: EventEnvelope<EventData<D>>): string[];
  handle(event: EventEnvelope<EventData<D>>, tx: Tx, context: HandlerContext): Promise<void>;
}

export interface HandlerContext {
  /**
   * Runs after the transaction commits, e.g. to enqueue a job for a row that must exist first.
   * Best effort: a sweeper must cover the case where the process dies before it runs.
   */
  afterCommit(action: () => Promise<unknown>): void;
}

export const EVENT_CONSUMER = 'mediation:event-consumer';

/** Marks a provider as an event handler; the consumer host finds it at boot. */
export const EventConsumer = (): ClassDecorator => SetMetadata(EVENT_CONSUMER, true);

/** Thrown by a handler for an event that can never succeed: it goes to the DLQ at once. */
export class PermanentEventError extends Error {}

/**
 * Thrown by a handler for an event that arrived before one it depends on, which another consumer
 * delivers (e.g. news of a sent acknowledgement before the case it belongs to): the first retry comes
 * after 100 ms instead of the usual half second, then the usual backoff. Throw it before writing anything
 * a retry would write again: the batch is not rolled back for it (only this handler's inbox claim on the
 * event is taken back), so the rest of the batch commits and only this event comes again.
 */
export class EventNotReadyError extends Error {}
