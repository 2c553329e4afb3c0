import type { JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { inSpan, injectTrace, isTracing, queryOf, SpanKind, traceContextFrom } from '@mediation/platform';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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
  /** With `wakeSubject`: the leader also wakes on a core NATS message sent after a commit (see EventPublisher). */
  nc?: NatsConnection;
  wakeSubject?: string;
  logger: RelayLogger;
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (a lost notification, a relay that just became leader). */
  pollIntervalMs?: number;
  /** How long published rows wait for the next batch's read to mark them before the relay marks them alone (250 ms). */
  markWithinMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
  /** How long the leader's lease lasts without renewal: a leader killed with -9 is replaced after this. */
  leaseMs?: number;
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
 * One leader per service keeps per-aggregate order with many replicas: it holds a lease, a row in
 * the service's `outbox_relay_lease` that it renews before it runs out. Every lease statement stands
 * alone (no session lock, no open transaction), so leadership survives a transaction-pooling pooler.
 * The leader is woken when a transaction with events commits, by a core NATS message (EventPublisher
 * sends it after the commit) or, for a transaction that cannot say when it committed, by NOTIFY
 * where the connection keeps its session (LISTEN); failing both, it finds them by polling. A row published but not marked (the relay died in between, or
 * a stalled leader lost its lease while publishing) is published again and JetStream drops the
 * duplicate within its duplicate window; both copies leave in position order, so the first stored
 * copy of each event is still in order.
 */
export class OutboxRelay {
  private client?: Client;
  private leader = false;
  private stopping = false;
  private wake?: () => void;
  /** Set by NOTIFY; a notification that lands while a batch is in flight must not be lost. */
  private notified = false;
  private loop?: Promise<void>;
  private wakeups?: Subscription;
  private lastCleanup = 0;
  private readonly table: string;
  private readonly leaseTable: string;
  /** This relay's name in the lease row: unique per process and start. */
  readonly holder = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  /** Local time until which this relay may publish without renewing (taken from before the renewal was sent). */
  private leaseUntil = 0;
  /** Positions published and not yet marked: the next batch's statement marks them. */
  private unmarked: string[] = [];

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.leaseTable = `${quoteIdent(options.schema)}.outbox_relay_lease`;
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
    await this.markPublished().catch(() => undefined);
    // Handing the lease back lets a follower take over at its next look instead of after the expiry.
    await this.client?.query(`DELETE FROM ${this.leaseTable} WHERE name = 'relay' AND holder = $1`, [this.holder]).catch(() => undefined);
    await this.disconnect();
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 1_000;
    while (!this.stopping) {
      try {
        await this.ensureConnected();
        const wasLeader = this.leader;
        this.leader = await this.holdLease();
        if (!this.leader) {
          if (wasLeader) {
            this.options.logger.warn(`outbox relay for ${this.options.schema} lost its lease; following`);
            await this.markPublished();
            await this.listen(false);
          }
          // A follower ignores NOTIFY: it only checks now and then whether the lease has run out.
          await new Promise((resolve) => setTimeout(resolve, Math.min(poll * 2, this.leaseMs / 3)));
          continue;
        }
        if (!wasLeader) {
          this.options.logger.log(`outbox relay for ${this.options.schema} is the leader (${this.holder})`);
          await this.listen(true);
        }
        const published = await this.publishBatch();
        await this.cleanupNow();
        // Rows just published wait a moment to be marked by the next batch's statement; if no commit wakes
        // the relay by then, the loop comes round, marks them and looks for more.
        if (published < this.batchSize) await this.sleep(this.unmarked.length > 0 ? Math.min(poll, this.options.markWithinMs ?? 250) : poll);
      } catch (error) {
        if (this.stopping) break;
        this.options.logger.error(`outbox relay for ${this.options.schema}: ${(error as Error).message}; retrying`);
        await this.disconnect();
        await this.sleep(1_000);
      }
    }
  }

  /**
   * Publishes one batch; returns how many rows were published. The rows the previous batch published
   * are marked by the same statement that reads this one (one round trip and one transaction a batch
   * instead of two); a relay that stops marks what is left, and one killed before marking publishes
   * those rows again, which JetStream drops as duplicates.
   */
  async publishBatch(): Promise<number> {
    const client = this.client!;
    this.notified = false;
    const marking = this.unmarked;
    const { rows } = await client.query<OutboxRow>(
      // Prepared (queryOf): a relay runs these two statements on every wake-up.
      queryOf(
        // `position` stays a bigint (pg hands int8 over as a string): `position::text` would name the
        // output column `position` and ORDER BY would then sort the text, putting 10 before 9. The SELECT
        // sees the table as it was before the UPDATE beside it, hence the rows being marked are left out.
        marking.length === 0
          ? `SELECT position, id::text, subject, envelope::text FROM ${this.table} WHERE published_at IS NULL ORDER BY position LIMIT $1`
          : `WITH marked AS (UPDATE ${this.table} SET published_at = now() WHERE position = ANY($2::bigint[]))
           SELECT position, id::text, subject, envelope::text FROM ${this.table}
           WHERE published_at IS NULL AND NOT position = ANY($2::bigint[]) ORDER BY position LIMIT $1`,
        marking.length === 0 ? [this.batchSize] : [this.batchSize, marking],
      ),
    );
    this.unmarked = [];
    if (rows.length === 0) return 0;
    // Pipelined: the server stores messages in the order they are sent on the connection.
    const results = await Promise.allSettled(rows.map((row) => this.publish(row)));
    const failedAt = results.findIndex((r) => r.status === 'rejected');
    const done = failedAt === -1 ? rows : rows.slice(0, failedAt);
    await this.options.afterPublish?.();
    if (done.length > 0) {
      this.unmarked = done.map((r) => r.position);
      this.options.onPublished?.(done.length);
    }
    if (failedAt !== -1) throw (results[failedAt] as PromiseRejectedResult).reason;
    return done.length;
  }

  /** Marks the rows published and not yet marked. */
  private async markPublished(): Promise<void> {
    if (this.unmarked.length === 0 || !this.client) return;
    await this.client.query(`UPDATE ${this.table} SET published_at = now() WHERE position = ANY($1::bigint[])`, [this.unmarked]);
    this.unmarked = [];
  }

  /**
   * One row to JetStream. Traced, the publish is a producer span under the span that appended the event
   * (the envelope's `traceparent`), and the message's `traceparent` header points at it for the consumers.
   */
  private publish(row: OutboxRow): Promise<unknown> {
    if (!isTracing()) return this.options.js.publish(row.subject, row.envelope, { msgID: row.id, timeout: 10_000 });
    const { traceparent } = JSON.parse(row.envelope) as { traceparent?: string };
    if (!traceparent) return this.options.js.publish(row.subject, row.envelope, { msgID: row.id, timeout: 10_000 });
    return inSpan(`publish ${row.subject.split('.').slice(-3).join('.')}`, { kind: SpanKind.PRODUCER, parent: traceContextFrom(traceparent) }, () => {
      const h = headers();
      injectTrace(h);
      return this.options.js.publish(row.subject, row.envelope, { msgID: row.id, timeout: 10_000, headers: h });
    });
  }

  private async ensureConnected(): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `outbox-relay-${this.options.schema}` });
    client.on('error', () => undefined);
    client.on('notification', () => this.woken());
    await client.connect();
    this.client = client;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 1_000;
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 6_000;
  }

  /**
   * Takes the lease if it is free or expired, or renews it if it is ours, in one statement on the
   * database's clock; renews only once a third of it has gone, so a busy leader spends little on it.
   */
  private async holdLease(): Promise<boolean> {
    if (this.leader && this.leaseUntil - Date.now() > (this.leaseMs * 2) / 3) return true;
    const asked = Date.now();
    const { rows } = await this.client!.query(
      `INSERT INTO ${this.leaseTable} AS lease (name, holder, expires_at) VALUES ('relay', $1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE lease.holder = EXCLUDED.holder OR lease.expires_at < now()
       RETURNING holder`,
      [this.holder, this.leaseMs],
    );
    this.leaseUntil = rows.length > 0 ? asked + this.leaseMs : 0;
    return rows.length > 0;
  }

  /**
   * Only the leader listens, for NATS wake-ups and NOTIFY: PostgreSQL runs a transaction in every
   * listening session of the database for each NOTIFY committed, whatever its channel, so a listening
   * follower would cost every such commit. Through a transaction-pooling pooler LISTEN is not kept;
   * the NATS wake-up and the poll still find the rows.
   */
  private async listen(on: boolean): Promise<void> {
    this.wakeups?.unsubscribe();
    this.wakeups =
      on && this.options.nc && this.options.wakeSubject ? this.options.nc.subscribe(this.options.wakeSubject, { callback: () => this.woken() }) : undefined;
    await this.client!.query(`${on ? 'LISTEN' : 'UNLISTEN'} ${outboxChannel(this.options.schema)}`).catch((error: Error) =>
      this.options.logger.warn(`outbox relay for ${this.options.schema}: ${on ? 'LISTEN' : 'UNLISTEN'} failed (${error.message}); polling only`),
    );
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
    this.leaseUntil = 0;
    this.wakeups?.unsubscribe();
    this.wakeups = undefined;
    await client?.end().catch(() => undefined);
  }

  private woken(): void {
    this.notified = true;
    this.wake?.();
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
