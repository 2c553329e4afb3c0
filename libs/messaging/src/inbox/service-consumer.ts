import { AckPolicy, DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';
import type { NatsConnectionService } from '../nats/nats.connection';

/** The group that names a service's durable consumer (`<service>__events`) unless a handler names another. */
export const SERVICE_CONSUMER = 'events';

export interface ServiceConsumerSettings {
  ack_wait: number;
  max_ack_pending: number;
  log(line: string): void;
}

/** NATS 2.10 added `filter_subjects`; an older server filters one subject, so the consumer then takes every event. */
export function filtersManySubjects(version: string | undefined): boolean {
  const [major, minor] = (version ?? '0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

/**
 * Creates or updates a service's durable consumer for the event types its handlers consume. The first time
 * it replaces the one-consumer-per-handler durables of earlier versions (named as the handlers' inbox rows
 * still are), it starts where the slowest of them had acknowledged (so nothing is skipped; the per-handler
 * inbox drops what they had already handled) and removes them.
 */
export async function ensureServiceConsumer(
  nats: NatsConnectionService,
  durable: string,
  types: string[],
  earlierNames: string[],
  settings: ServiceConsumerSettings,
): Promise<void> {
  const stream = nats.names.eventsStream;
  const filter: Partial<ConsumerConfig> = filtersManySubjects(nats.nc.info?.version)
    ? { filter_subjects: types.map((type) => nats.names.eventFilter(type)).sort(), filter_subject: undefined }
    : { filter_subject: nats.names.allEvents() };
  const changeable = { ack_wait: settings.ack_wait, max_ack_pending: settings.max_ack_pending, ...filter };
  const exists = await nats.manager.consumers.info(stream, durable).then(
    () => true,
    (error) => (isNotFound(error) ? false : Promise.reject(error)),
  );
  if (exists) {
    await nats.manager.consumers.update(stream, durable, changeable);
    return;
  }
  const earlier = await earlierConsumers(nats, new Set(earlierNames.filter((name) => name !== durable)));
  const floor = earlier.length > 0 ? Math.min(...earlier.map((c) => c.ackFloor)) : undefined;
  const start: Partial<ConsumerConfig> =
    floor === undefined ? { deliver_policy: DeliverPolicy.All } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: floor + 1 };
  await nats.manager.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, ...start, ...changeable }).catch(async (error) => {
    // Another replica created it first.
    if (!String(error).includes('already exists')) throw error;
    await nats.manager.consumers.update(stream, durable, changeable);
  });
  for (const old of earlier) {
    await nats.manager.consumers.delete(stream, old.name).catch(() => undefined);
    settings.log(`removed the earlier consumer ${old.name}: ${durable} took over from stream sequence ${floor! + 1}`);
  }
}

async function earlierConsumers(nats: NatsConnectionService, names: Set<string>): Promise<{ name: string; ackFloor: number }[]> {
  const found: { name: string; ackFloor: number }[] = [];
  for await (const info of nats.manager.consumers.list(nats.names.eventsStream)) {
    if (names.has(info.name)) found.push({ name: info.name, ackFloor: info.ack_floor.stream_seq });
  }
  return found;
}

function isNotFound(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return text.includes('not found') || text.includes('10014');
}
