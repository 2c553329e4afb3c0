import { Inject, Injectable, Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { DUPLICATE_WINDOW_MS, MESSAGING_OPTIONS, type MessagingOptions } from './nats.options';
import { SubjectNames } from '@mediation/protocol';

/** One NATS connection per process, with the JetStream streams this platform needs. */
@Injectable()
export class NatsConnectionService {
  private readonly logger = new Logger('Nats');
  private connection?: NatsConnection;
  private connecting?: Promise<void>;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  readonly names: SubjectNames;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    this.names = new SubjectNames(options.namespace);
  }

  /** Idempotent: the RPC transport and the consumers may both ask first. */
  connect(): Promise<void> {
    this.connecting ??= this.open();
    return this.connecting;
  }

  private async open(): Promise<void> {
    this.connection = await connect({
      servers: this.options.natsUrl,
      name: `${this.options.service}-${process.pid}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    this.js = jetstream(this.connection);
    this.jsm = await jetstreamManager(this.connection);
    await ensureStreams(this.jsm, this.names, this.options.streamReplicas ?? 1);
    this.logger.log(`connected to ${this.options.natsUrl}; streams ${this.names.eventsStream}, ${this.names.dlqStream} ready`);
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get jetstream(): JetStreamClient {
    if (!this.js) throw new Error('NATS is not connected yet');
    return this.js;
  }

  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected yet');
    return this.jsm;
  }

  async check(): Promise<void> {
    if (!this.connection || this.connection.isClosed()) throw new Error('not connected');
    await this.connection.flush();
  }

  async drain(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) await this.connection.drain();
  }
}

/** Creates or updates the EVENTS and DLQ streams; every service calls it at boot, so order does not matter. */
export async function ensureStreams(jsm: JetStreamManager, names: SubjectNames, replicas = 1): Promise<void> {
  const streams = [
    { name: names.eventsStream, subjects: [names.allEvents()], duplicate_window: nanos(DUPLICATE_WINDOW_MS), num_replicas: replicas },
    { name: names.dlqStream, subjects: [names.allDlq()], duplicate_window: nanos(DUPLICATE_WINDOW_MS), num_replicas: replicas },
  ];
  for (const config of streams) {
    try {
      const { config: current } = await jsm.streams.info(config.name);
      // Only a stream that differs is updated: a clustered stream's update is a raft proposal, and nine
      // services proposing the same change at once time each other out.
      if (current.duplicate_window !== config.duplicate_window || current.num_replicas !== config.num_replicas)
        await jsm.streams.update(config.name, { duplicate_window: config.duplicate_window, num_replicas: config.num_replicas });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add({ ...config, storage: StorageType.File, retention: RetentionPolicy.Limits }).catch((e) => {
        // Another replica created it between our info and add.
        if (!String(e).includes('already in use')) throw e;
      });
    }
  }
}

/** JetStream's "no such stream" (10059) or "no such consumer" (10014). */
export function isNotFound(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return text.includes('not found') || text.includes('10059') || text.includes('10014');
}
