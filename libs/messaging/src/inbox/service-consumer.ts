import { AckPolicy, DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';
import { isNotFound, type NatsConnectionService } from '../nats/nats.connection';
import type { InboxRoute } from './inbox-batch';

/** The group that names a service's durable consumer (`<service>__events`) unless a handler names another. */
export const SERVICE_CONSUMER = 'events';

/** One durable consumer to create or update: its name, the event types it delivers, and the durables it replaces. */
export interface PlannedConsumer {
  durable: string;
  types: string[];
  /** Durables of earlier versions this one takes over from (where the slowest of them had acknowledged). */
  replaces: string[];
}

export interface DurableSettings {
  ack_wait: number;
  max_ack_pending: number;
  log(line: string): void;
}

/** NATS 2.10 added `filter_subjects`; an older server filters one subject per consumer. */
export function filtersManySubjects(version: string | undefined): boolean {
  const [major, minor] = (version ?? '0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

/**
 * The durable consumers that feed one group's lanes. On NATS 2.10+ one consumer filters every type the
 * group's handlers consume. NATS 2.9 filters one subject per consumer, so there it is one consumer per
 * type (`<group durable>-<type>`), all feeding the same lanes and batches: the server still filters, and a
 * referral's events still share a transaction. Either replaces what came before it: the one-consumer-per-
 * handler durables of earlier versions (named as the handlers' inbox rows still are) and the other shape.
 */
export function consumerPlan(nats: NatsConnectionService, durable: string, routes: Map<string, InboxRoute[]>): PlannedConsumer[] {
  const types = [...routes.keys()].sort();
  const perType = (type: string) => `${durable}-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const handlerDurables = (type: string) => routes.get(type)!.map((route) => route.consumer);
  if (filtersManySubjects(nats.nc.info?.version)) return [{ durable, types, replaces: types.flatMap((type) => [...handlerDurables(type), perType(type)]) }];
  return types.map((type) => ({ durable: perType(type), types: [type], replaces: handlerDurables(type) }));
}

/**
 * Creates or updates a durable consumer. The first time it replaces earlier durables, it starts where the
 * slowest of them had acknowledged (so nothing is skipped; the per-handler inbox drops what they had already
 * handled) and removes them.
 */
export async function ensureDurableConsumer(nats: NatsConnectionService, planned: PlannedConsumer, settings: DurableSettings): Promise<void> {
  const stream = nats.names.eventsStream;
  const subjects = planned.types.map((type) => nats.names.eventFilter(type));
  const filter: Partial<ConsumerConfig> = subjects.length === 1 ? { filter_subject: subjects[0], filter_subjects: undefined } : { filter_subjects: subjects };
  const changeable = { ack_wait: settings.ack_wait, max_ack_pending: settings.max_ack_pending, ...filter };
  const current = await nats.manager.consumers.info(stream, planned.durable).then(
    (info) => info.config,
    (error) => (isNotFound(error) ? undefined : Promise.reject(error)),
  );
  if (current) {
    // Only a consumer that differs is updated: in a cluster an update is a raft proposal, and every
    // replica of every service proposing at once at boot times them out.
    if (differs(current, changeable)) await nats.manager.consumers.update(stream, planned.durable, changeable);
    return;
  }
  const earlier = await existingConsumers(nats, new Set(planned.replaces.filter((name) => name !== planned.durable)));
  const floor = earlier.length > 0 ? Math.min(...earlier.map((c) => c.ackFloor)) : undefined;
  const start: Partial<ConsumerConfig> =
    floor === undefined ? { deliver_policy: DeliverPolicy.All } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: floor + 1 };
  await nats.manager.consumers.add(stream, { durable_name: planned.durable, ack_policy: AckPolicy.Explicit, ...start, ...changeable }).catch(async (error) => {
    // Another replica created it first.
    if (!String(error).includes('already exists')) throw error;
    await nats.manager.consumers.update(stream, planned.durable, changeable);
  });
  for (const old of earlier) {
    await nats.manager.consumers.delete(stream, old.name).catch(() => undefined);
    settings.log(`removed the earlier consumer ${old.name}: ${planned.durable} took over from stream sequence ${floor! + 1}`);
  }
}

/** Whether a consumer's stored settings differ from those planned (a filter of one subject may be stored either way). */
export function differs(current: Partial<ConsumerConfig>, planned: Partial<ConsumerConfig>): boolean {
  const subjects = (config: Partial<ConsumerConfig>) =>
    config.filter_subjects?.length ? config.filter_subjects : config.filter_subject ? [config.filter_subject] : [];
  return (
    current.ack_wait !== planned.ack_wait || current.max_ack_pending !== planned.max_ack_pending || subjects(current).join(' ') !== subjects(planned).join(' ')
  );
}

async function existingConsumers(nats: NatsConnectionService, names: Set<string>): Promise<{ name: string; ackFloor: number }[]> {
  const found: { name: string; ackFloor: number }[] = [];
  if (names.size === 0) return found;
  for await (const info of nats.manager.consumers.list(nats.names.eventsStream)) {
    if (names.has(info.name)) found.push({ name: info.name, ackFloor: info.ack_floor.stream_seq });
  }
  return found;
}
