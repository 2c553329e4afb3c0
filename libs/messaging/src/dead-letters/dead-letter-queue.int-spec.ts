import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { uuidv7 } from '@mediation/protocol';
import { createTestNamespace, type TestNamespace } from '@mediation/testing';
import { sendToDeadLetter } from '../inbox/dead-letter';
import { ensureStreams, NatsConnectionService } from '../nats/nats.connection';
import { DeadLetterQueue } from './dead-letter-queue';

jest.setTimeout(60_000);

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ORG = uuidv7();

describe('the DLQ for operators: list, replay into the original subject, purge', () => {
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let ns: TestNamespace;
  let nats: NatsConnectionService;
  let dlq: DeadLetterQueue;

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
  });

  beforeEach(async () => {
    ns = createTestNamespace('dlq');
    await ensureStreams(jsm, ns.names);
    nats = new NatsConnectionService({ service: 'gateway', schema: 'identity', natsUrl: NATS_URL, databaseUrl: '', namespace: ns.namespace });
    await nats.connect();
    dlq = new DeadLetterQueue(nats);
  });

  afterEach(async () => {
    await nats.drain();
    await ns.cleanup();
  });

  afterAll(async () => {
    await nc?.close();
  });

  /** Publishes events and dead-letters each as `consumer` would after its last delivery. */
  async function deadLetter(consumer: string, types: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const type of types) {
      const id = uuidv7();
      ids.push(id);
      await js.publish(ns.names.event(ORG, type), JSON.stringify({ id, type, data: { n: ids.length } }), { msgID: id });
    }
    const durable = `probe_${consumer}`;
    await jsm.consumers.add(ns.names.eventsStream, { durable_name: durable, ack_policy: AckPolicy.Explicit, filter_subject: ns.names.allEvents() });
    const messages = await (await js.consumers.get(ns.names.eventsStream, durable)).fetch({ max_messages: types.length, expires: 2_000 });
    for await (const msg of messages) {
      await sendToDeadLetter(js, ns.names.dlq(consumer.split('__')[0], consumer), msg, { reason: 'the contract was not found', consumer });
      msg.term();
    }
    await jsm.consumers.delete(ns.names.eventsStream, durable);
    return ids;
  }

  it('lists each letter with the consumer that gave up, the reason, the event and where it came from', async () => {
    const [first, second] = await deadLetter('casework__events', ['referral.accepted.v1', 'case.closed.v1']);
    await deadLetter('notify__events', ['case.closed.v1']);

    const casework = await dlq.list({ service: 'casework' });
    expect(casework.map((l) => [l.consumer, l.eventId, l.eventType, l.reason, l.originalSubject])).toEqual([
      ['casework__events', first, 'referral.accepted.v1', 'the contract was not found', ns.names.event(ORG, 'referral.accepted.v1')],
      ['casework__events', second, 'case.closed.v1', 'the contract was not found', ns.names.event(ORG, 'case.closed.v1')],
    ]);
    expect(await dlq.list()).toHaveLength(3);
    expect(await dlq.list({ consumer: 'notify__events' })).toHaveLength(1);
  });

  it('replays a letter into its original subject with its original event id, even inside the duplicate window, and empties the DLQ', async () => {
    const [id] = await deadLetter('casework__events', ['referral.accepted.v1']);
    await jsm.consumers.add(ns.names.eventsStream, {
      durable_name: 'casework_again',
      ack_policy: AckPolicy.Explicit,
      filter_subject: ns.names.event(ORG, 'referral.accepted.v1'),
      deliver_policy: DeliverPolicy.New,
    });
    const progress: [number, number][] = [];

    const result = await dlq.replay({ consumer: 'casework__events' }, (done, total) => progress.push([done, total]));

    expect(result).toEqual({ replayed: 1, skipped: [] });
    expect(progress).toEqual([[1, 1]]);
    const redelivered = await (await js.consumers.get(ns.names.eventsStream, 'casework_again')).next({ expires: 2_000 });
    expect(redelivered?.subject).toBe(ns.names.event(ORG, 'referral.accepted.v1'));
    expect((redelivered?.json() as { id: string }).id).toBe(id);
    expect(await dlq.list()).toEqual([]);
  });

  it('purges one consumer’s letters and leaves the others', async () => {
    await deadLetter('casework__events', ['referral.accepted.v1', 'case.closed.v1']);
    await deadLetter('notify__events', ['case.closed.v1']);

    expect(await dlq.purge({ consumer: 'casework__events' })).toEqual({ purged: 2 });

    expect((await dlq.list()).map((l) => l.consumer)).toEqual(['notify__events']);
  });
});
