import { DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type EventDefinition, type EventEnvelope, SubjectNames } from '@mediation/protocol';
import { TENANT_SETTING } from '@mediation/platform';
import { Client } from 'pg';
import type { ReportingTx } from '../database/reporting.database';
import { FACT_HANDLERS } from '../facts/facts.handlers';
import { FACT_TABLES, type Fact } from '../facts/fact-rows';
import { KpiFactsRepository } from '../facts/kpi-facts.repository';
import { RecordFactUseCase } from '../facts/record-fact.use-case';
import { PROGRAMME_FACT_HANDLERS } from '../programme/programme-facts.handlers';
import { ProgrammeFactsRepository } from '../programme/programme-facts.repository';
import { RecordProgrammeFactUseCase } from '../programme/record-programme-fact.use-case';
import { LedgerEntryRecordedHandler, LedgerEntryRecordedV2Handler } from '../spend/ledger-entry-recorded.handler';
import { SpendRepository } from '../spend/spend.repository';

/** The tables the KPI read model is made of: what a rebuild fills afresh and swaps in. */
/** Tables of few rows written fact by fact: the programme's (activities, local authorities, data returns) and spend. */
const ONE_BY_ONE_TABLES = ['kpi_activity', 'kpi_local_authority', 'kpi_data_return', 'spend_entry'] as const;
/** Every table of the read model: what a rebuild fills afresh and swaps in. */
export const READ_MODEL_TABLES: readonly string[] = [...FACT_TABLES.map((t) => t.name), ...ONE_BY_ONE_TABLES];
const TABLES = READ_MODEL_TABLES;
const NEXT = 'reporting_rebuild';
const OLD = 'reporting_replaced';
/** Events pulled from the stream and written at once: one multi-row upsert per table and organisation. */
const BATCH = 20_000;

export interface RebuildOptions {
  /** The services' login (mediation_app): the facts are written as the consumers write them, tenant by tenant. */
  databaseUrl: string;
  /** The schema owner's login: creates the fresh tables and swaps them in. */
  ownerUrl: string;
  natsUrl: string;
  namespace: string;
  /** Called as the stream is replayed: the sequence reached, and the stream's last sequence when the rebuild began. */
  progress?: (done: number, total: number) => void;
}

export interface RebuildResult {
  /** Events that became facts. */
  events: number;
  skipped: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Replays the event stream from its start into fresh copies of the fact tables (schema `reporting_rebuild`),
 * while the live model keeps answering and its consumers keep writing; then, with the live tables locked,
 * replays what arrived meanwhile and swaps the fresh tables in, in one transaction. Consumers blocked on
 * the lock resolve the table names again when it is released, so they write into the new tables: no event
 * is lost across the swap, and the facts' upserts make an event written twice harmless. Events are applied
 * 20,000 at a time, folded by the same table rules the consumers' one-fact writes use (facts/fact-rows.ts).
 */
export async function rebuildReadModel(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const owner = new Client({ connectionString: options.ownerUrl });
  // Plain pg as the services' login: a batch's arrays go straight to PostgreSQL, not through Prisma's interactive transactions.
  const db = new Client({ connectionString: options.databaseUrl });
  const nc = await connect({ servers: options.natsUrl, name: `reporting-rebuild-${process.pid}` });
  const names = new SubjectNames(options.namespace);
  const facts = new KpiFactsRepository(NEXT);
  // The handlers' own mapping from event to fact: the rebuild folds what the live consumers would record one by one.
  const record = new RecordFactUseCase(facts);
  const programme = new RecordProgrammeFactUseCase(new ProgrammeFactsRepository(NEXT));
  const handlers = new Map<string, Handler>([
    ...FACT_HANDLERS.map((H): [string, Handler] => {
      const handler = new H(record);
      return [handler.consumes.type, { batched: true, handler }];
    }),
    ...[
      ...PROGRAMME_FACT_HANDLERS.map((H) => new H(programme)),
      new LedgerEntryRecordedHandler(new SpendRepository(NEXT)),
      new LedgerEntryRecordedV2Handler(new SpendRepository(NEXT)),
    ].map((handler): [string, Handler] => [handler.consumes.type, { batched: false, handler }]),
  ]);
  let done = 0;
  let skipped = 0;
  try {
    await owner.connect();
    await db.connect();
    await freshTables(owner);
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    // One consumer over every event (NATS 2.9 takes one filter subject); the types no fact comes from are passed over.
    const filter_subjects = names.allEvents();
    const total = (await jsm.streams.info(names.eventsStream)).state.last_seq;

    /** Replays from a sequence to the stream's end: NATS delivers the next batch while the last one is written. */
    const replay = async (fromSequence: number): Promise<number> => {
      let last = fromSequence - 1;
      if ((await jsm.streams.info(names.eventsStream)).state.last_seq < fromSequence) return last;
      const consumer = await js.consumers.get(names.eventsStream, {
        filter_subjects,
        ...(fromSequence > 1 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromSequence } : { deliver_policy: DeliverPolicy.All }),
      });
      const messages = await consumer.consume({ max_messages: BATCH });
      // Nothing after the start matching the filter: no message says it is the last, so five quiet seconds end it
      // (not counting the time spent waiting for a write, when no message is asked for).
      let heardAt = Date.now();
      let flushing = false;
      const quiet = setInterval(() => !flushing && Date.now() - heardAt > 5000 && void messages.stop(), 500);
      let batch: JsMsg[] = [];
      // One batch is written while the next is parsed: a write fails the replay at the next batch or at the end.
      let writing: Promise<void> = Promise.resolve();
      let failed: unknown = null;
      const flush = async () => {
        const parsed = factsOf(handlers, batch);
        const through = batch[batch.length - 1].seq;
        batch = [];
        flushing = true;
        await writing;
        flushing = false;
        heardAt = Date.now();
        if (failed) throw failed;
        writing = write(db, facts, parsed.byOrganisation).then(
          () => {
            skipped += parsed.skipped;
            done += parsed.applied;
            last = through;
            options.progress?.(last, Math.max(total, last));
          },
          (error: unknown) => void (failed = error),
        );
      };
      try {
        for await (const msg of messages) {
          heardAt = Date.now();
          batch.push(msg);
          const end = msg.info.pending === 0;
          if (end || batch.length >= BATCH) await flush();
          if (end) break;
        }
        if (batch.length > 0) await flush();
        await writing;
        if (failed) throw failed;
      } finally {
        clearInterval(quiet);
        await messages.close().catch(() => undefined);
      }
      return last;
    };

    const caughtUp = await replay(1);
    await owner.query('BEGIN');
    // From here the live consumers wait; what reached the stream meanwhile is replayed, then the tables change places.
    await owner.query(`LOCK TABLE ${TABLES.map((t) => `reporting.${t}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    await replay(caughtUp + 1);
    await owner.query(`DROP SCHEMA IF EXISTS ${OLD} CASCADE`);
    await owner.query(`CREATE SCHEMA ${OLD}`);
    for (const table of TABLES) {
      await owner.query(`ALTER TABLE reporting.${table} SET SCHEMA ${OLD}`);
      await owner.query(`ALTER TABLE ${NEXT}.${table} SET SCHEMA reporting`);
    }
    await owner.query('COMMIT');
    await owner.query(`DROP SCHEMA ${OLD} CASCADE`);
    await owner.query(`DROP SCHEMA ${NEXT} CASCADE`);
    const seconds = (Date.now() - started) / 1000;
    return { events: done, skipped, seconds, eventsPerSecond: Math.round(done / Math.max(seconds, 0.001)) };
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await owner.end().catch(() => undefined);
    await db.end().catch(() => undefined);
    await nc.close().catch(() => undefined);
  }
}

/** Empty copies of the fact tables, with the same keys, indexes, tenant wall and grants, in the rebuild's schema. */
async function freshTables(owner: Client): Promise<void> {
  await owner.query(`DROP SCHEMA IF EXISTS ${NEXT} CASCADE`);
  await owner.query(`CREATE SCHEMA ${NEXT}`);
  await owner.query(`GRANT USAGE ON SCHEMA ${NEXT} TO mediation_app`);
  for (const table of TABLES) {
    await owner.query(`CREATE TABLE ${NEXT}.${table} (LIKE reporting.${table} INCLUDING ALL)`);
    await owner.query(`ALTER TABLE ${NEXT}.${table} ENABLE ROW LEVEL SECURITY`);
    await owner.query(`ALTER TABLE ${NEXT}.${table} FORCE ROW LEVEL SECURITY`);
    await owner.query(
      `CREATE POLICY ${table}_tenant_isolation ON ${NEXT}.${table} USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)`,
    );
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${NEXT}.${table} TO mediation_app`);
  }
}

/** A KPI fact handler, whose facts are folded and written a table at a time, or one whose few facts are written one by one. */
type Handler =
  | { batched: true; handler: { consumes: EventDefinition; fact(event: EventEnvelope<never>): Fact } }
  | { batched: false; handler: { consumes: EventDefinition; handle(event: EventEnvelope<never>, tx: ReportingTx): Promise<void> } };

interface OrganisationFacts {
  facts: Fact[];
  /** The events of the one-by-one handlers, in stream order, each with the handler that writes it. */
  singles: { handler: Extract<Handler, { batched: false }>['handler']; envelope: EventEnvelope<never> }[];
}

/** One batch: each event parsed by its schema as the consumers parse it and turned into its fact by its handler, per organisation. */
function factsOf(handlers: Map<string, Handler>, batch: JsMsg[]): { byOrganisation: Map<string, OrganisationFacts>; applied: number; skipped: number } {
  const byOrganisation = new Map<string, OrganisationFacts>();
  let skipped = 0;
  let applied = 0;
  for (const msg of batch) {
    const envelope = msg.json<EventEnvelope<unknown>>();
    const route = handlers.get(envelope.type);
    if (!route) continue;
    const data = route.handler.consumes.schema.safeParse(envelope.data);
    if (!data.success) {
      skipped++; // the live consumer dead-letters such an event; the rebuild leaves it out the same way
      continue;
    }
    let facts = byOrganisation.get(envelope.organisationid);
    if (!facts) byOrganisation.set(envelope.organisationid, (facts = { facts: [], singles: [] }));
    const parsed = { ...envelope, data: data.data } as EventEnvelope<never>;
    if (route.batched) facts.facts.push(route.handler.fact(parsed));
    else facts.singles.push({ handler: route.handler, envelope: parsed });
    applied++;
  }
  return { byOrganisation, applied, skipped };
}

/** A batch's facts, per organisation in one transaction with its tenant set: folded and written a table at a time. */
async function write(db: Client, facts: KpiFactsRepository, byOrganisation: Map<string, OrganisationFacts>): Promise<void> {
  // The facts' repositories need only raw statements: the same methods over the pg connection.
  const tx = {
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await db.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async (query: string, ...values: unknown[]) => (await db.query(query, values)).rows,
  } as unknown as ReportingTx;
  for (const [organisationId, list] of byOrganisation) {
    await db.query('BEGIN');
    try {
      await db.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [organisationId]);
      await facts.write(tx, list.facts);
      // The programme's and spend's few facts one by one, in stream order, by the live consumers' own handlers.
      for (const { handler, envelope } of list.singles) await handler.handle(envelope, tx);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
