import type { JetStreamClient } from '@nats-io/jetstream';
import { Client } from 'pg';
import { outboxChannel, quoteIdent } from './sql-tx';

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxRelayOptions {
  schema: string;
  databaseUrl: string;
  js: JetStreamClient;
  logger: RelayLogger;
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (a lost notification, a relay that just became leader). */
  pollIntervalMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
  onPublished?: (count: number) => void;
  /** Test seam: runs after publishing a batch and before marking it, where a crash would leave it unmarked. */
  afterPublish?: () => Promise<void>;
}

interface OutboxRow {
  position: string;
  id: string;
  subject: string;
  envelope: string;
}

/**
 * Publishes outbox rows to JetStream in position order with Nats-Msg-Id = event id.
 * One leader per service (a session advisory lock) keeps per-aggregate order with many replicas;
 * a row published but not marked (the relay died in between) is published again and JetStream
 * drops the duplicate within its duplicate window.
 */
export class OutboxRelay {
  private client?: Client;
  private leader = false;
  private stopping = false;
  private wake?: () => void;
  /** Set by NOTIFY; a notification that lands while a batch is in flight must not be lost. */
  private notified = false;
  private loop?: Promise<void>;
  private lastCleanup = 0;
  private readonly table: string;
  private readonly lockKey: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.lockKey = `outbox-relay:${options.schema}`;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.disconnect();
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 1_000;
    while (!this.stopping) {
      try {
        await this.ensureConnected();
        if (!this.leader) {
          this.leader = await this.tryBecomeLeader();
          if (!this.leader) {
            // A follower ignores NOTIFY: it only checks now and then whether the leader has gone.
            await new Promise((resolve) => setTimeout(resolve, poll * 2));
            continue;
          }
          this.options.logger.log(`outbox relay for ${this.options.schema} is the leader`);
        }
        const published = await this.publishBatch();
        await this.cleanupNow();
        if (published < (this.options.batchSize ?? 256)) await this.sleep(poll);
      } catch (error) {
        if (this.stopping) break;
        this.options.logger.error(`outbox relay for ${this.options.schema}: ${(error as Error).message}; retrying`);
        await this.disconnect();
        await this.sleep(1_000);
      }
    }
  }

  /** Publishes one batch; returns how many rows were published and marked. */
  async publishBatch(): Promise<number> {
    const client = this.client!;
    this.notified = false;
    const { rows } = await client.query<OutboxRow>(
      `SELECT position::text, id::text, subject, envelope::text FROM ${this.table} WHERE published_at IS NULL ORDER BY position LIMIT $1`,
      [this.options.batchSize ?? 256],
    );
    if (rows.length === 0) return 0;
    // Pipelined: the server stores messages in the order they are sent on the connection.
    const results = await Promise.allSettled(rows.map((row) => this.options.js.publish(row.subject, row.envelope, { msgID: row.id, timeout: 10_000 })));
    const failedAt = results.findIndex((r) => r.status === 'rejected');
    const done = failedAt === -1 ? rows : rows.slice(0, failedAt);
    await this.options.afterPublish?.();
    if (done.length > 0) {
      await client.query(`UPDATE ${this.table} SET published_at = now() WHERE position = ANY($1::bigint[])`, [done.map((r) => r.position)]);
      this.options.onPublished?.(done.length);
    }
    if (failedAt !== -1) throw (results[failedAt] as PromiseRejectedResult).reason;
    return done.length;
  }

  private async ensureConnected(): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `outbox-relay-${this.options.schema}` });
    client.on('error', () => undefined);
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    await client.connect();
    await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.client = client;
  }

  private async tryBecomeLeader(): Promise<boolean> {
    const { rows } = await this.client!.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockKey]);
    return rows[0].locked;
  }

  private async cleanupNow(): Promise<void> {
    const retention = this.options.retentionMs ?? 7 * 24 * 3600 * 1000;
    if (Date.now() - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = Date.now();
    await this.client!.query(`DELETE FROM ${this.table} WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [retention]);
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    // Ending the session releases the advisory lock, so another replica takes over.
    await client?.end().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (this.notified || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
