import { AckPolicy, DeliverPolicy, type ConsumerConfig, type MsgRequest } from '@nats-io/jetstream';
import { isNotFound, type NatsConnectionService } from '../nats/nats.connection';
import type { InboxRoute } from './inbox-batch';

/** The group that names a service's durable consumer (`<service>__events`) unless a handler names another. */
export const SERVICE_CONSUMER = 'events';

/** One durable consumer to create or update: its name, the event types it delivers, and the durables it replaces. */
export interface PlannedConsumer {
  durable: string;
  /** The event types the group handles. */
  types: string[];
  /** Filters the whole event stream, not `types` (NATS 2.9, a group that needs order across types; see consumerPlan). */
  wholeStream: boolean;
  /** Durables of earlier versions this one takes over from (at the first message any of them had left). */
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
 * referral's events still share a transaction, but one aggregate's events of different types may arrive out
 * of the order they were published in. A group that cannot have that (`needsOrderAcrossTypes`) reads the
 * whole stream through one consumer on 2.9 instead. Each replaces what came before it: the one-consumer-per-
 * handler durables of earlier versions (named as the handlers' inbox rows still are) and the other shapes.
 */
export function consumerPlan(nats: NatsConnectionService, durable: string, routes: Map<string, InboxRoute[]>): PlannedConsumer[] {
  const types = [...routes.keys()].sort();
  const perType = (type: string) => `${durable}-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const handlerDurables = (type: string) => routes.get(type)!.map((route) => route.consumer);
  const replacesAll = types.flatMap((type) => [...handlerDurables(type), perType(type)]);
  if (filtersManySubjects(nats.nc.info?.version)) return [{ durable, types, wholeStream: false, replaces: replacesAll }];
  const inOrder = [...routes.values()].some((group) => group.some((route) => route.handler.needsOrderAcrossTypes));
  if (inOrder) return [{ durable, types, wholeStream: true, replaces: replacesAll }];
  return types.map((type) => ({ durable: perType(type), types: [type], wholeStream: false, replaces: handlerDurables(type) }));
}

/**
 * Creates or updates a durable consumer. The first time it replaces earlier durables, it starts at the first
 * message any of them had left to handle (so nothing is skipped; the per-handler inbox drops what they had
 * already handled) and removes them.
 */
export async function ensureDurableConsumer(nats: NatsConnectionService, planned: PlannedConsumer, settings: DurableSettings): Promise<void> {
  const stream = nats.names.eventsStream;
  const subjects = planned.wholeStream ? [nats.names.allEvents()] : planned.types.map((type) => nats.names.eventFilter(type));
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
  const startAfter = earlier.length > 0 ? Math.min(...earlier.map((c) => c.startAfter)) : undefined;
  const start: Partial<ConsumerConfig> =
    startAfter === undefined ? { deliver_policy: DeliverPolicy.All } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startAfter + 1 };
  await nats.manager.consumers.add(stream, { durable_name: planned.durable, ack_policy: AckPolicy.Explicit, ...start, ...changeable }).catch(async (error) => {
    // Another replica created it first.
    if (!String(error).includes('already exists')) throw error;
    await nats.manager.consumers.update(stream, planned.durable, changeable);
  });
  for (const old of earlier) {
    await nats.manager.consumers.delete(stream, old.name).catch(() => undefined);
    settings.log(`removed the earlier consumer ${old.name}: ${planned.durable} took over from stream sequence ${startAfter! + 1}`);
  }
}

/** Whether a consumer's stored settings differ from those planned (a filter of one subject may be stored either way). */
export function differs(current: Partial<ConsumerConfig>, planned: Partial<ConsumerConfig>): boolean {
  return (
    current.ack_wait !== planned.ack_wait ||
    current.max_ack_pending !== planned.max_ack_pending ||
    filterSubjects(current).join(' ') !== filterSubjects(planned).join(' ')
  );
}

/** The subjects a consumer filters, however the server stored them; none means the whole stream. */
function filterSubjects(config: Partial<ConsumerConfig>): string[] {
  return config.filter_subjects?.length ? config.filter_subjects : config.filter_subject ? [config.filter_subject] : [];
}

/**
 * The earlier durables still on the stream, each with the stream sequence the new one may start after for it:
 * just before the first message its filter matches past its ack floor, or, when there is none, the stream's last
 * message read before looking. A filtered durable's floor alone would be too far back wherever its type is rare (a
 * type that never occurred has a floor of 0, and taking that would read the whole stream again).
 */
async function existingConsumers(nats: NatsConnectionService, names: Set<string>): Promise<{ name: string; startAfter: number }[]> {
  const found: { name: string; startAfter: number }[] = [];
  if (names.size === 0) return found;
  const stream = nats.names.eventsStream;
  const lastBefore = (await nats.manager.streams.info(stream)).state.last_seq;
  for await (const info of nats.manager.consumers.list(stream)) {
    if (!names.has(info.name)) continue;
    const filtered = filterSubjects(info.config);
    const filters = filtered.length > 0 ? filtered : [nats.names.allEvents()];
    let startAfter = lastBefore;
    for (const filter of filters) {
      // `next_by_subj` (NATS 2.9+): the first message on or after `seq` that the filter matches.
      const next = await nats.manager.streams.getMessage(stream, { seq: info.ack_floor.stream_seq + 1, next_by_subj: filter } as unknown as MsgRequest);
      if (next) startAfter = Math.min(startAfter, next.seq - 1);
    }
    found.push({ name: info.name, startAfter });
  }
  return found;
}
