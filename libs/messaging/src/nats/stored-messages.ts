import { DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnectionService } from './nats.connection';

/**
 * Reads every message a stream holds now (under one subject filter, or all), in stream order, with an
 * ordered consumer that acks nothing and leaves nothing behind; `each` is told how far it is. Messages
 * deleted by someone else meanwhile end the read early. Resolves with how many were read.
 */
export async function forEachStored(
  nats: NatsConnectionService,
  stream: string,
  filter: string | undefined,
  each: (msg: JsMsg, done: number, total: number) => Promise<void> | void,
): Promise<number> {
  const info = await nats.manager.streams.info(stream, filter ? { subjects_filter: filter } : undefined);
  const total = filter ? Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0) : info.state.messages;
  if (total === 0) return 0;
  // NATS 2.9 takes one filter subject: a single string, not a list.
  const consumer = await nats.jetstream.consumers.get(stream, { ...(filter ? { filter_subjects: filter } : {}), deliver_policy: DeliverPolicy.All });
  let done = 0;
  while (done < total) {
    let got = 0;
    for await (const msg of await consumer.fetch({ max_messages: Math.min(256, total - done), expires: 2_000 })) {
      got += 1;
      done += 1;
      await each(msg, done, total);
      if (done >= total) break;
    }
    if (got === 0) break;
  }
  return done;
}
