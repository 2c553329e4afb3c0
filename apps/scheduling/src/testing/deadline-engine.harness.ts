import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, LifecycleService } from '@mediation/platform';
import { ContractDefinitionSchema, ContractPublishedV2, uuidv7, type ContractDefinitionInput, type EventData, type EventDefinition } from '@mediation/protocol';
import { createTestDatabase, createTestNamespace, waitUntil, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadSchedulingConfig } from '../config/scheduling.config';

/** Real time, shifted: "now" is a chosen London moment and then runs on at the real pace, so BullMQ's real delays line up with the deadlines' due times. */
export class ShiftedClock extends Clock {
  private offsetMs = 0;
  set(iso: string): void {
    this.offsetMs = new Date(iso).getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export interface DeadlineEngineOptions {
  /** The suite's own database, e.g. `deadlines`. */
  database: string;
  /** The suite's NATS/Redis namespace prefix. */
  namespace: string;
  /** The contract whose rules the suite's cases run under, published as version 1 at the start. */
  definition: ContractDefinitionInput;
  /** Where the shifted clock stands when the service starts. */
  startsAt: string;
}

/**
 * Scheduling as it runs, against real PostgreSQL, NATS and a BullMQ worker, fed events as casework
 * and intake would publish them, with one tenant and one published contract: what the deadline
 * engine's integration suites (and the caseload's) share.
 */
export class DeadlineEngineHarness {
  readonly org = uuidv7();
  readonly contractId = uuidv7();
  readonly clock = new ShiftedClock();
  private started?: { db: TestDatabase; ns: TestNamespace; app: INestApplicationContext; nc: NatsConnection; js: JetStreamClient; sql: Client };

  constructor(private readonly options: DeadlineEngineOptions) {}

  get app(): INestApplicationContext {
    return this.running().app;
  }

  /** A plain connection to the suite's database, to read what scheduling stored. */
  get sql(): Client {
    return this.running().sql;
  }

  async start(): Promise<void> {
    const [db, ns] = [await createTestDatabase(this.options.database), createTestNamespace(this.options.namespace)];
    process.env.DATABASE_URL = db.url;
    process.env.NATS_NAMESPACE = ns.namespace;
    this.clock.set(this.options.startsAt);
    const app = await NestFactory.createApplicationContext(AppModule.register(loadSchedulingConfig()), { logger: false });
    // Only the time is shifted: every use-case reads it through the one Clock instance.
    app.get(Clock, { strict: false }).now = () => this.clock.now();
    await app.init();
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    const sql = new Client({ connectionString: db.ownerUrl });
    await sql.connect();
    this.started = { db, ns, app, nc, js: jetstream(nc), sql };
    await this.publish(ContractPublishedV2, this.contractId, 1, {
      contractId: this.contractId,
      version: 1,
      status: 'active',
      template: null,
      definition: ContractDefinitionSchema.parse(this.options.definition),
    });
    await waitUntil(
      async () => ((await sql.query(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [this.contractId])).rowCount ? true : undefined),
      { what: 'the contract projection' },
    );
  }

  async stop(): Promise<void> {
    const s = this.started;
    await s?.app
      .get(LifecycleService)
      .shutdown(10_000)
      .catch(() => undefined);
    await s?.app.close().catch(() => undefined);
    await s?.sql.end();
    await s?.nc.close();
    await s?.ns.cleanup();
    await s?.db.drop();
  }

  /** Publishes an event of the suite's tenant and contract on the stream, as its owner would; returns its id. */
  publish = async <D extends EventDefinition>(definition: D, subject: string, sequence: number, data: EventData<D>, id = uuidv7()): Promise<string> => {
    const { ns, js } = this.running();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/services/test',
      type: definition.type,
      subject,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: this.org,
      contractid: this.contractId,
      sequence,
      correlationid: `int-${id}`,
    };
    await js.publish(ns.names.event(this.org, definition.type), JSON.stringify(envelope), { msgID: id });
    return id;
  };

  /** The data of the events of one type that scheduling wrote to its outbox about a deadline, oldest first. */
  outbox = async (type: string, deadlineId: string) =>
    (
      await this.sql.query(`SELECT envelope FROM scheduling.outbox WHERE envelope->>'type' = $1 AND envelope->>'subject' = $2 ORDER BY position`, [
        type,
        deadlineId,
      ])
    ).rows.map((r) => r.envelope.data);

  /** Whether scheduling has handled the event (its inbox holds it). */
  handled = async (eventId: string): Promise<boolean> =>
    Boolean((await this.sql.query(`SELECT 1 FROM scheduling.inbox WHERE event_id = $1`, [eventId])).rowCount);

  private running() {
    if (!this.started) throw new Error('the deadline engine harness has not been started (call start() in beforeAll)');
    return this.started;
  }
}
