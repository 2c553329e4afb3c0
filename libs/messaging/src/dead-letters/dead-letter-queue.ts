import type { NatsConnectionService } from '../nats/nats.connection';
import { forEachStored } from '../nats/stored-messages';

/** One dead letter, as `dlq list` shows it. */
export interface DeadLetterEntry {
  /** Its sequence in the DLQ stream: what replay and purge remove. */
  seq: number;
  /** The durable consumer that gave up on it. */
  consumer: string;
  /** The subject the event was published on, where a replay puts it back. */
  originalSubject: string;
  eventId: string | null;
  eventType: string | null;
  reason: string;
  deliveries: number;
  deadLetteredAt: string;
}

export interface DeadLetterFilter {
  /** Only the letters of this service (`casework`), or of this durable consumer (`casework__events`). */
  service?: string;
  consumer?: string;
}

export type Progress = (done: number, total: number) => void;

/**
 * The DLQ stream for operators: list what waits, replay it into the subject it came from, or purge it.
 * A replay keeps the event's own id in its envelope, so every consumer that handled it already skips it
 * (their inboxes are keyed by event id) and only the one that gave up handles it again; JetStream's
 * de-duplication id is the replay's own, so a replay inside the duplicate window is not dropped.
 */
export class DeadLetterQueue {
  constructor(private readonly nats: NatsConnectionService) {}

  async list(filter: DeadLetterFilter = {}): Promise<DeadLetterEntry[]> {
    const entries: DeadLetterEntry[] = [];
    await this.read(filter, (entry) => void entries.push(entry));
    return entries;
  }

  /** Puts each letter back on its original subject, oldest first, and removes it from the DLQ once JetStream has it. */
  async replay(filter: DeadLetterFilter = {}, progress?: Progress): Promise<{ replayed: number; skipped: number[] }> {
    let replayed = 0;
    const skipped: number[] = [];
    await this.read(
      filter,
      async (entry, data) => {
        // Only a letter written by hand lacks its origin: it stays, listed, for a person to judge.
        if (!entry.originalSubject.startsWith(this.nats.names.allEvents().slice(0, -1))) return void skipped.push(entry.seq);
        await this.nats.jetstream.publish(entry.originalSubject, data, { msgID: `dlq-replay-${this.nats.names.dlqStream}-${entry.seq}` });
        await this.nats.manager.streams.deleteMessage(this.nats.names.dlqStream, entry.seq, false);
        replayed += 1;
      },
      progress,
    );
    return { replayed, skipped };
  }

  /** Drops the letters for good (after their cause was judged not worth replaying). */
  async purge(filter: DeadLetterFilter = {}): Promise<{ purged: number }> {
    const { purged } = await this.nats.manager.streams.purge(this.nats.names.dlqStream, { filter: this.subject(filter) });
    return { purged };
  }

  private subject(filter: DeadLetterFilter): string {
    if (filter.consumer) {
      const service = filter.consumer.split('__')[0];
      return this.nats.names.dlq(service, filter.consumer);
    }
    return filter.service ? `${this.nats.names.dlq(filter.service, '')}>` : this.nats.names.allDlq();
  }

  /** Reads every letter matching the filter in stream order. */
  private async read(filter: DeadLetterFilter, each: (entry: DeadLetterEntry, data: Uint8Array) => Promise<void> | void, progress?: Progress): Promise<void> {
    await forEachStored(this.nats, this.nats.names.dlqStream, this.subject(filter), async (msg, done, total) => {
      await each(toEntry(msg.seq, msg.subject, msg.headers, msg.string(), msg.info.timestampNanos), msg.data);
      progress?.(done, total);
    });
  }
}

function toEntry(seq: number, subject: string, headers: { get(key: string): string } | undefined, body: string, nanos: number): DeadLetterEntry {
  let envelope: { id?: unknown; type?: unknown } = {};
  try {
    envelope = JSON.parse(body) as typeof envelope;
  } catch {
    // Dead-lettered because it was not JSON: it still lists, with no id or type.
  }
  return {
    seq,
    consumer: headers?.get('Dlq-Consumer') || subject.split('.').pop()!,
    originalSubject: headers?.get('Dlq-Original-Subject') ?? '',
    eventId: typeof envelope.id === 'string' ? envelope.id : null,
    eventType: typeof envelope.type === 'string' ? envelope.type : null,
    reason: headers?.get('Dlq-Reason') ?? '',
    deliveries: Number(headers?.get('Dlq-Deliveries') ?? 0),
    deadLetteredAt: new Date(Math.floor(nanos / 1e6)).toISOString(),
  };
}
