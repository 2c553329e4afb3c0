import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { SubjectNames } from '@mediation/protocol';
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

export interface TestNamespace {
  namespace: string;
  names: SubjectNames;
  /** Deletes the namespace's streams and Redis keys. */
  cleanup(): Promise<void>;
}

/** A NATS and Redis namespace of its own: streams EVENTS_<NS> and DLQ_<NS>, keys bull-<ns>:*. */
export function createTestNamespace(prefix = 't'): TestNamespace {
  const namespace = `${prefix}${randomBytes(4).toString('hex')}`;
  const names = new SubjectNames(namespace);
  return {
    namespace,
    names,
    cleanup: async () => {
      const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
      try {
        const jsm = await jetstreamManager(nc);
        for (const stream of [names.eventsStream, names.dlqStream]) await jsm.streams.delete(stream).catch(() => undefined);
      } finally {
        await nc.close();
      }
      const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `bull-${namespace}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
