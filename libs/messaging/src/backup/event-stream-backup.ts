import { headers as natsHeaders } from '@nats-io/transport-node';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { NatsConnectionService } from '../nats/nats.connection';
import { forEachStored } from '../nats/stored-messages';
import type { Progress } from '../dead-letters/dead-letter-queue';

/** One stored event in a backup file: its subject without the namespace, its headers and its bytes. */
interface BackedUpMessage {
  subject: string;
  headers: Record<string, string[]>;
  data: string;
}

const FORMAT = 'mediation-events-backup/1';

/**
 * A backup of the EVENTS stream as JSON lines, in stream order: each event's subject (without the namespace,
 * so it can be restored under another), its headers and its bytes. Restoring publishes them in order with
 * their own event ids as JetStream de-duplication ids. JetStream's own snapshots need the `nats` CLI, which
 * Debian does not ship; this needs only the platform's connection, and what the platform reads of an event
 * (its envelope) comes back byte for byte. Sequence numbers and stored times are the restore's own.
 */
export class EventStreamBackup {
  constructor(private readonly nats: NatsConnectionService) {}

  /** What this namespace puts before `events.`: taken off on export, put back on restore. */
  private get prefix(): string {
    return this.nats.names.allEvents().slice(0, -'events.>'.length);
  }

  async export(file: string, progress?: Progress): Promise<{ events: number }> {
    const stream = this.nats.names.eventsStream;
    const total = (await this.nats.manager.streams.info(stream)).state.messages;
    const out = createWriteStream(file);
    out.write(`${JSON.stringify({ format: FORMAT, stream, events: total })}\n`);
    const done = await forEachStored(this.nats, stream, undefined, async (msg, read, all) => {
      const headers: Record<string, string[]> = {};
      for (const [key, values] of msg.headers ?? []) headers[key] = values;
      const line: BackedUpMessage = { subject: msg.subject.slice(this.prefix.length), headers, data: Buffer.from(msg.data).toString('base64') };
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      progress?.(read, all);
    });
    out.end();
    await once(out, 'finish');
    return { events: done };
  }

  /** Publishes a backup's events into this namespace's EVENTS stream, in order; an event already there is dropped by its id. */
  async restore(file: string, progress?: Progress): Promise<{ events: number }> {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let total = 0;
    let done = 0;
    for await (const text of lines) {
      if (!text) continue;
      const parsed = JSON.parse(text) as BackedUpMessage | { format: string; events: number };
      if ('format' in parsed) {
        if (parsed.format !== FORMAT) throw new Error(`${file} is not an events backup (${FORMAT})`);
        total = parsed.events;
        continue;
      }
      const h = natsHeaders();
      let msgID: string | undefined;
      for (const [key, values] of Object.entries(parsed.headers)) {
        // The de-duplication id goes back as JetStream's own option, not as a copied header.
        if (key.toLowerCase() === 'nats-msg-id') msgID = values[0];
        else for (const value of values) h.append(key, value);
      }
      const data = Buffer.from(parsed.data, 'base64');
      msgID ??= (JSON.parse(data.toString('utf8')) as { id?: string }).id;
      await this.nats.jetstream.publish(`${this.prefix}${parsed.subject}`, data, { headers: h, ...(msgID ? { msgID } : {}) });
      done += 1;
      progress?.(done, Math.max(total, done));
    }
    return { events: done };
  }
}
