import type { MetricsService } from '@mediation/platform';
import type { NatsConnectionService } from '../nats/nats.connection';
import { quoteIdent, type Transactions } from '../outbox/sql-tx';

export interface MessagingGaugeSources {
  service: string;
  nats: NatsConnectionService;
  /** The durable consumers this process reads (every replica reports the same figures: alert on max). */
  durables: () => string[];
  /** For a service with an outbox: its schema, read through the service's own pool (the relay's connection is busy relaying). */
  outbox?: { schema: string; transactions: Transactions };
}

/**
 * What an on-call person watches on the backbone, read when Prometheus scrapes: each consumer's lag
 * (pending and ack-pending), the dead letters each consumer left, and the outbox's unpublished rows
 * with the age of the oldest.
 */
export function registerMessagingGauges(metrics: MetricsService, sources: MessagingGaugeSources): void {
  const { nats } = sources;
  const consumerInfo = onePerScrape(() =>
    Promise.all(sources.durables().map(async (durable) => ({ durable, info: await nats.manager.consumers.info(nats.names.eventsStream, durable) }))),
  );
  metrics.gauge('jetstream_consumer_pending', 'Events in the stream this durable consumer has not been delivered yet', ['durable'], async (sample) => {
    for (const { durable, info } of await consumerInfo()) sample({ durable }, info.num_pending);
  });
  metrics.gauge('jetstream_consumer_ack_pending', 'Events delivered to this durable consumer and not yet acknowledged', ['durable'], async (sample) => {
    for (const { durable, info } of await consumerInfo()) sample({ durable }, info.num_ack_pending);
  });
  metrics.gauge('dlq_messages', "Dead letters in the DLQ stream, by the consumer that gave up on them (this service's only)", ['consumer'], async (sample) => {
    const prefix = nats.names.dlq(sources.service, '');
    const info = await nats.manager.streams.info(nats.names.dlqStream, { subjects_filter: `${prefix}>` });
    for (const [subject, count] of Object.entries(info.state.subjects ?? {})) sample({ consumer: subject.slice(prefix.length) }, count);
  });
  const outbox = sources.outbox;
  if (!outbox) return;
  const backlog = onePerScrape(async () => {
    const [row] = await outbox.transactions.run((tx) =>
      tx.$queryRawUnsafe<{ rows: number; age: number | null }[]>(
        `SELECT count(*)::int AS rows, extract(epoch FROM now() - min(created_at))::float8 AS age FROM ${quoteIdent(outbox.schema)}.outbox WHERE published_at IS NULL`,
      ),
    );
    return { rows: row.rows, oldestAgeSeconds: Math.max(0, row.age ?? 0) };
  });
  metrics.gauge('outbox_backlog', 'Outbox rows committed and not yet published to JetStream', [], async (sample) => sample({}, (await backlog()).rows));
  metrics.gauge('outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox row (0 when none waits)', [], async (sample) =>
    sample({}, (await backlog()).oldestAgeSeconds),
  );
}

/** One read serves the gauges of one scrape: a pair of gauges over the same figures is collected back to back. */
function onePerScrape<T>(read: () => Promise<T>, withinMs = 1_000): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > withinMs) last = { at: Date.now(), value: read() };
    return last.value;
  };
}
