import type { EventEnvelope } from '@mediation/protocol';
import { lockForTransaction, organisationIdOf, type Tenant } from '@mediation/platform';
import type { SqlTx, Transactions } from '../outbox/sql-tx';
import { EventNotReadyError, PermanentEventError, type EventHandler, type HandlerContext } from './event-handler';
import { InboxBatch, MAX_DELIVERIES, type InboxMessage, type Outcome } from './inbox-batch';

const ORG_A = '0190a000-0000-7000-8000-00000000000a';
const ORG_B = '0190a000-0000-7000-8000-00000000000b';

/** A transaction as the handlers see it: what it wrote stays invisible to others until it commits. */
interface FakeTx extends SqlTx {
  organisationId?: string;
  effects: string[];
}

/** An in-memory database with real commit and rollback, so the batch's all-or-nothing shows. */
class FakeDatabase implements Transactions<FakeTx> {
  inbox = new Set<string>();
  /** Effects of committed transactions, in commit order: the event ids handled. */
  effects: string[] = [];
  transactions: { organisationId?: string; events: number; committed: boolean }[] = [];
  /** Every statement's text and values, in order. */
  statements: { sql: string; values: unknown[] }[] = [];

  forTenant<T>(tenant: Tenant, work: (tx: FakeTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }

  async run<T>(work: (tx: FakeTx) => Promise<T>, options: { organisationId?: string } = {}): Promise<T> {
    const inbox = new Set(this.inbox);
    const record = { organisationId: options.organisationId, events: 0, committed: false };
    this.transactions.push(record);
    const tx: FakeTx = {
      organisationId: options.organisationId,
      effects: [],
      $executeRawUnsafe: async (sql: string, ...values: unknown[]) => {
        this.statements.push({ sql, values });
        // Taking back one handler's claim on an event.
        if (sql.startsWith('DELETE FROM') && inbox.delete(`${values[0]} ${values[1]}`)) return 1;
        return 0;
      },
      $queryRawUnsafe: async <R>(sql: string, ...values: unknown[]) => {
        this.statements.push({ sql, values });
        if (!sql.includes('inbox')) return [] as R;
        const [consumers, ids] = values as [string[], string[]];
        record.events = ids.length;
        const inserted = ids.map((id, i) => `${consumers[i]} ${id}`).filter((key) => !inbox.has(key) && Boolean(inbox.add(key)));
        return inserted.map((key) => ({ consumer: key.split(' ')[0], event_id: key.split(' ')[1] })) as R;
      },
    };
    const result = await work(tx);
    this.inbox = inbox;
    this.effects.push(...tx.effects);
    record.committed = true;
    return result;
  }
}

/** Handles an event by recording its id in the transaction; fails for the ids it is told to. */
class RecordingHandler implements EventHandler {
  readonly consumes = { type: 'casework.case.opened.v2' } as EventHandler['consumes'];
  seen: { id: string; organisationId?: string }[] = [];
  permanent = new Set<string>();
  transient = new Set<string>();
  notReady = new Set<string>();
  afterCommit = new Set<string>();

  async handle(event: EventEnvelope, tx: SqlTx, context: HandlerContext): Promise<void> {
    const fake = tx as FakeTx;
    this.seen.push({ id: event.id, organisationId: fake.organisationId });
    if (this.permanent.has(event.id)) throw new PermanentEventError(`event ${event.id} can never succeed`);
    if (this.transient.has(event.id)) throw new Error(`database busy on ${event.id}`);
    if (this.notReady.has(event.id)) throw new EventNotReadyError(`no case yet for ${event.id}`);
    fake.effects.push(event.id);
    if (this.afterCommit.has(event.id)) context.afterCommit(async () => this.ranAfterCommit.push(event.id));
  }

  ranAfterCommit: string[] = [];
}

let counter = 0;
function message(options: { org?: string; aggregate?: string; id?: string; deliveryCount?: number } = {}): InboxMessage {
  counter += 1;
  const id = options.id ?? `0190a000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  const envelope = { id, organisationid: options.org ?? ORG_A, subject: options.aggregate ?? `case-${counter}` } as EventEnvelope;
  return { seq: counter, deliveryCount: options.deliveryCount ?? 1, parsed: { ok: true, envelope } };
}

const idOf = (m: InboxMessage) => (m.parsed.ok ? m.parsed.envelope.id : `seq-${m.seq}`);

function setUp() {
  const db = new FakeDatabase();
  const handler = new RecordingHandler();
  const settled: { id: string; outcome: Outcome }[] = [];
  const batch = new InboxBatch<InboxMessage>({
    inbox: '"casework".inbox',
    routes: () => [{ consumer: 'casework__casework_case_opened_v2', handler }],
    transactions: db,
    settle: async (m, outcome) => void settled.push({ id: idOf(m), outcome }),
    afterCommitFailed: () => undefined,
  });
  const outcomeOf = (m: InboxMessage) => settled.find((s) => s.id === idOf(m))?.outcome.kind;
  return { db, handler, settled, batch, outcomeOf };
}

describe('a batch of events handled by one consumer', () => {
  it('handles the events of one organisation in one transaction, in stream order, and acks each after the commit', async () => {
    const { db, handler, settled, batch } = setUp();
    const events = [message(), message(), message()];
    await batch.process(events);
    expect(db.transactions).toEqual([{ organisationId: ORG_A, events: 3, committed: true }]);
    expect(handler.seen.map((s) => s.id)).toEqual(events.map(idOf));
    expect(settled).toEqual(events.map((m) => ({ id: idOf(m), outcome: { kind: 'handled' } })));
  });

  it('settles a committed batch together, so its acks leave in one write to NATS: every settle is begun before the first one finishes', async () => {
    const db = new FakeDatabase();
    const begun: string[] = [];
    const finish: (() => void)[] = [];
    const batch = new InboxBatch<InboxMessage>({
      inbox: '"casework".inbox',
      routes: () => [{ consumer: 'casework__casework_case_opened_v2', handler: new RecordingHandler() }],
      transactions: db,
      settle: (m) =>
        new Promise<void>((resolve) => {
          begun.push(idOf(m));
          finish.push(resolve);
        }),
      afterCommitFailed: () => undefined,
    });
    const events = [message(), message(), message()];
    const processed = batch.process(events);
    while (begun.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(begun).toEqual(events.map(idOf));
    for (const resolve of finish) resolve();
    await processed;
  });

  it('acks and skips an event already in the inbox, and handles an event that arrives twice in one batch once', async () => {
    const { db, handler, batch, outcomeOf } = setUp();
    const old = message();
    db.inbox.add(`casework__casework_case_opened_v2 ${idOf(old)}`);
    const fresh = message();
    const again = message({ id: idOf(fresh) });
    await batch.process([old, fresh, again]);
    expect(handler.seen.map((s) => s.id)).toEqual([idOf(fresh)]);
    expect(db.effects).toEqual([idOf(fresh)]);
    expect([outcomeOf(old), outcomeOf(fresh)]).toEqual(['duplicate', 'handled']);
    expect(db.transactions).toHaveLength(1);
  });

  it('gives each organisation its own transaction with its tenant set, keeping each one’s order', async () => {
    const { db, handler, batch } = setUp();
    const [a1, b1, a2, b2] = [message({ org: ORG_A }), message({ org: ORG_B }), message({ org: ORG_A }), message({ org: ORG_B })];
    await batch.process([a1, b1, a2, b2]);
    expect(db.transactions.map((t) => [t.organisationId, t.events])).toEqual([
      [ORG_A, 2],
      [ORG_B, 2],
    ]);
    expect(handler.seen).toEqual([
      { id: idOf(a1), organisationId: ORG_A },
      { id: idOf(a2), organisationId: ORG_A },
      { id: idOf(b1), organisationId: ORG_B },
      { id: idOf(b2), organisationId: ORG_B },
    ]);
  });

  it('sends a poison event to the DLQ alone: the batch is rolled back and split at it, those before it together, it alone, the rest together', async () => {
    const { db, handler, batch, outcomeOf } = setUp();
    const events = [message(), message(), message(), message()];
    handler.permanent.add(idOf(events[2]));
    await batch.process(events);
    expect(db.effects).toEqual([idOf(events[0]), idOf(events[1]), idOf(events[3])]);
    expect(events.map(outcomeOf)).toEqual(['handled', 'handled', 'dead', 'handled']);
    expect(db.transactions.map((t) => [t.events, t.committed])).toEqual([
      [4, false],
      [2, true],
      [1, false],
      [1, true],
    ]);
    expect(db.inbox.has(`casework__casework_case_opened_v2 ${idOf(events[2])}`)).toBe(false);
    expect(db.inbox.has(`casework__casework_case_opened_v2 ${idOf(events[3])}`)).toBe(true);
  });

  it('retries an event that came before the one it depends on after 100 ms the first time, then with the usual backoff', async () => {
    const { handler, settled, batch } = setUp();
    const [early, again] = [message(), message({ deliveryCount: 2 })];
    handler.notReady.add(idOf(early)).add(idOf(again));
    await batch.process([early, again]);
    expect(settled.find((s) => s.id === idOf(early))?.outcome).toEqual({ kind: 'retry', delayMs: 100, reason: `no case yet for ${idOf(early)}` });
    expect(settled.find((s) => s.id === idOf(again))?.outcome).toEqual({ kind: 'retry', delayMs: 1_000, reason: `no case yet for ${idOf(again)}` });
  });

  it('commits the rest of a batch around an event that is not ready yet, in one transaction, and takes back only that event’s claim', async () => {
    const { db, handler, settled, batch } = setUp();
    const events = [message(), message(), message()];
    handler.notReady.add(idOf(events[1]));
    await batch.process(events);
    expect(db.transactions).toEqual([{ organisationId: ORG_A, events: 3, committed: true }]);
    expect(db.effects).toEqual([idOf(events[0]), idOf(events[2])]);
    expect(settled.map((s) => s.outcome.kind)).toEqual(['handled', 'retry', 'handled']);
    // Its redelivery will be handled: its claim is not in the inbox.
    expect(db.inbox.has(`casework__casework_case_opened_v2 ${idOf(events[1])}`)).toBe(false);
    expect(db.inbox.has(`casework__casework_case_opened_v2 ${idOf(events[0])}`)).toBe(true);
  });

  it('retries a transiently failing event with backoff while the rest of its batch goes through', async () => {
    const { db, handler, settled, batch } = setUp();
    const events = [message(), message({ deliveryCount: 3 }), message()];
    handler.transient.add(idOf(events[1]));
    await batch.process(events);
    expect(db.effects).toEqual([idOf(events[0]), idOf(events[2])]);
    expect(settled.find((s) => s.id === idOf(events[1]))?.outcome).toEqual({ kind: 'retry', delayMs: 2_000, reason: `database busy on ${idOf(events[1])}` });
    // Not in the inbox: its redelivery will be handled.
    expect(db.inbox.has(idOf(events[1]))).toBe(false);
  });

  it('gives up on an event that keeps failing once it has been delivered the maximum number of times', async () => {
    const { handler, settled, batch } = setUp();
    const tired = message({ deliveryCount: MAX_DELIVERIES });
    handler.transient.add(idOf(tired));
    await batch.process([tired]);
    expect(settled[0].outcome).toMatchObject({ kind: 'dead', cause: 'exhausted' });
    expect((settled[0].outcome as { reason: string }).reason).toMatch(/^gave up after 8 deliveries: database busy/);
  });

  it('dead-letters a message that failed its schema without opening a transaction for it', async () => {
    const { db, settled, batch } = setUp();
    const unreadable: InboxMessage = { seq: 999, deliveryCount: 1, parsed: { ok: false, reason: 'schema: the message is not JSON' } };
    const good = message();
    await batch.process([unreadable, good]);
    expect(settled[0]).toEqual({ id: 'seq-999', outcome: { kind: 'dead', cause: 'schema', reason: 'schema: the message is not JSON' } });
    expect(db.transactions).toEqual([{ organisationId: ORG_A, events: 1, committed: true }]);
  });

  it('runs the after-commit actions of committed work only, never those of a rolled-back batch', async () => {
    const { handler, batch } = setUp();
    const [first, poison] = [message(), message()];
    handler.afterCommit.add(idOf(first));
    handler.permanent.add(idOf(poison));
    await batch.process([first, poison]);
    await new Promise((resolve) => setImmediate(resolve));
    // The batch ran `first`'s handler (and queued its action) before rolling back; only the retry's action runs.
    expect(handler.ranAfterCommit).toEqual([idOf(first)]);
  });

  it('runs every handler of an event type in the same transaction, each with inbox rows of its own, and a mixed batch in stream order', async () => {
    const db = new FakeDatabase();
    const [opened, log, closed] = [new RecordingHandler(), new RecordingHandler(), new RecordingHandler()];
    const routes: Record<string, { consumer: string; handler: RecordingHandler }[]> = {
      'casework.case.opened.v2': [
        { consumer: 'reporting__opened', handler: opened },
        { consumer: 'reporting__log', handler: log },
      ],
      'casework.case.closed.v1': [{ consumer: 'reporting__closed', handler: closed }],
    };
    const settled: { id: string; outcome: Outcome }[] = [];
    const batch = new InboxBatch<InboxMessage>({
      inbox: '"reporting".inbox',
      routes: (type) => routes[type] ?? [],
      transactions: db,
      settle: async (m, outcome) => void settled.push({ id: idOf(m), outcome }),
      afterCommitFailed: () => undefined,
    });
    const typed = (type: string) => {
      const m = message();
      if (m.parsed.ok) m.parsed.envelope.type = type;
      return m;
    };
    const [first, second, third] = [typed('casework.case.opened.v2'), typed('casework.case.closed.v1'), typed('casework.case.opened.v2')];
    // The log handler saw the third event before (a redelivery after a crash): only it skips it.
    db.inbox.add(`reporting__log ${idOf(third)}`);
    await batch.process([first, second, third]);
    expect(db.transactions).toEqual([{ organisationId: ORG_A, events: 5, committed: true }]);
    expect(opened.seen.map((s) => s.id)).toEqual([idOf(first), idOf(third)]);
    expect(log.seen.map((s) => s.id)).toEqual([idOf(first)]);
    expect(closed.seen.map((s) => s.id)).toEqual([idOf(second)]);
    expect(settled.map((s) => s.outcome.kind)).toEqual(['handled', 'handled', 'handled']);
  });

  it('takes the locks its handlers ask for in the inbox claim, in one order, so a handler locking again costs no statement', async () => {
    const db = new FakeDatabase();
    const linking: EventHandler = {
      consumes: { type: 'casework.case.opened.v2' } as EventHandler['consumes'],
      locks: (event) => [`referral-case:${event.subject}`, 'referral-cap:line'],
      handle: async (event, tx) => {
        await lockForTransaction(tx, `referral-case:${event.subject}`);
        await lockForTransaction(tx, 'another-lock');
      },
    };
    const batch = new InboxBatch<InboxMessage>({
      inbox: '"intake".inbox',
      routes: () => [{ consumer: 'intake__casework_case_opened_v2', handler: linking }],
      transactions: db,
      settle: async () => undefined,
      afterCommitFailed: () => undefined,
    });
    await batch.process([message({ aggregate: 'case-b' }), message({ aggregate: 'case-a' })]);
    const [claim, ...rest] = db.statements;
    expect(claim.sql).toMatch(/pg_advisory_xact_lock/);
    expect(claim.values[3]).toEqual(['referral-cap:line', 'referral-case:case-a', 'referral-case:case-b']);
    // The case locks were taken by the claim; only the lock no handler declared is a statement of its own, once.
    expect(rest.map((s) => s.values)).toEqual([['another-lock']]);
  });
});
