import { runTransaction, SystemClock } from '@mediation/platform';
import type { NatsConnectionService } from '../nats/nats.connection';
import { CaseReopenedV1 } from '@mediation/protocol';
import type { MessagingOptions } from '../nats/nats.options';
import { reopening } from '../testing/test-events';
import { EventPublisher, type NewEvent } from './event-publisher';
import type { SqlTx } from './sql-tx';

/** A transaction client that only records the statements it is sent. */
function recordingTx() {
  const statements: { sql: string; values: unknown[] }[] = [];
  const tx: SqlTx = {
    $executeRawUnsafe: async (sql, ...values) => (statements.push({ sql, values }), 1),
    $queryRawUnsafe: async () => [] as never,
  };
  return { tx, statements };
}

const publisher = new EventPublisher(
  { service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
  new SystemClock(),
);

const wakeUps = (statements: { sql: string }[]) => statements.filter((s) => s.sql.includes('pg_notify')).length;

describe('the event publisher (outbox rows in the caller’s transaction)', () => {
  it('wakes the relay once per transaction however many events the transaction appends', async () => {
    const { tx, statements } = recordingTx();
    await publisher.append(tx, reopening('one'));
    await publisher.append(tx, reopening('two'));
    await publisher.appendAll(tx, [reopening('three'), reopening('four')]);
    expect(statements).toHaveLength(3);
    expect(wakeUps(statements)).toBe(1);
    expect(wakeUps(statements.slice(0, 1))).toBe(1);
  });

  it('wakes the relay again in the next transaction', async () => {
    const first = recordingTx();
    const second = recordingTx();
    await publisher.append(first.tx, reopening('one'));
    await publisher.append(second.tx, reopening('two'));
    expect([wakeUps(first.statements), wakeUps(second.statements)]).toEqual([1, 1]);
  });

  it('writes several events of one change in one statement, in the order given', async () => {
    const { tx, statements } = recordingTx();
    const events = [reopening('first'), reopening('second'), reopening('third')];
    const envelopes = await publisher.appendAll(tx, events);
    expect(statements).toHaveLength(1);
    const [ids, , json] = statements[0].values as [string[], string[], string[]];
    expect(ids).toEqual(envelopes.map((e) => e.id));
    expect(json.map((j) => (JSON.parse(j) as { data: { reason: string } }).data.reason)).toEqual(['first', 'second', 'third']);
    expect(statements[0].sql).toMatch(/ORDER BY e\.n/);
  });

  it('refuses an event of another service before writing anything', async () => {
    const { tx, statements } = recordingTx();
    const foreign = { ...reopening('x'), definition: { ...CaseReopenedV1, service: 'intake', type: 'intake.case.reopened.v1' } } as unknown as NewEvent<
      typeof CaseReopenedV1
    >;
    await expect(publisher.appendAll(tx, [reopening('ok'), foreign])).rejects.toThrow('casework cannot publish intake.case.reopened.v1');
    expect(statements).toHaveLength(0);
  });

  describe('in a service, where NATS is connected and the transaction can say it committed', () => {
    function natsRecorder() {
      const published: string[] = [];
      const nats = { nc: { publish: (subject: string) => published.push(subject) } } as unknown as NatsConnectionService;
      return {
        published,
        publisher: new EventPublisher(
          { service: 'casework', schema: 'casework', namespace: 'ns1', natsUrl: '', databaseUrl: '' } as MessagingOptions,
          new SystemClock(),
          nats,
        ),
      };
    }
    /** runTransaction over a client whose transaction only records statements, and can be made to fail. */
    const transaction = (tx: SqlTx, work: (tx: SqlTx) => Promise<void>) => runTransaction({ $transaction: (w, _options) => w(tx) }, work);

    it('wakes the relay with one NATS message after the commit, and sends no NOTIFY', async () => {
      const { published, publisher } = natsRecorder();
      const { tx, statements } = recordingTx();
      await transaction(tx, async () => {
        await publisher.append(tx, reopening('one'));
        await publisher.appendAll(tx, [reopening('two'), reopening('three')]);
        expect(published).toEqual([]);
      });
      expect(published).toEqual(['ns1.outbox.wake.casework']);
      expect(statements).toHaveLength(1);
      expect(wakeUps(statements)).toBe(0);
    });

    it('writes every event of the transaction in one statement just before it commits, in the order appended', async () => {
      const { publisher } = natsRecorder();
      const { tx, statements } = recordingTx();
      await transaction(tx, async () => {
        await publisher.append(tx, reopening('one'));
        await publisher.appendAll(tx, [reopening('two'), reopening('three')]);
        await tx.$executeRawUnsafe('UPDATE "casework"."case" SET version = version + 1');
        await publisher.append(tx, reopening('four'));
        expect(statements.map((s) => s.sql)).toEqual(['UPDATE "casework"."case" SET version = version + 1']);
      });
      expect(statements).toHaveLength(2);
      const [, , json] = statements[1].values as [string[], string[], string[]];
      expect(json.map((j) => (JSON.parse(j) as { data: { reason: string } }).data.reason)).toEqual(['one', 'two', 'three', 'four']);
    });

    it('wakes nobody when the transaction rolls back', async () => {
      const { published, publisher } = natsRecorder();
      const { tx } = recordingTx();
      await expect(
        transaction(tx, async () => {
          await publisher.append(tx, reopening('undone'));
          throw new Error('the use-case changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      expect(published).toEqual([]);
    });

    it('lets the caller’s statement write events beside its change, and wakes the relay once the transaction commits', async () => {
      const { published, publisher } = natsRecorder();
      const { tx, statements } = recordingTx();
      await transaction(tx, async () => {
        const events = publisher.beside(tx, [reopening('one'), reopening('two')]);
        await tx.$executeRawUnsafe(
          `WITH changed AS (UPDATE "casework"."case" SET version = version + 1), events AS (${events.insert(1)}) SELECT 1`,
          ...events.values,
        );
        events.written();
        expect(published).toEqual([]);
      });
      expect(statements).toHaveLength(1);
      expect(statements[0].sql).toContain('unnest($1::uuid[], $2::text[], $3::jsonb[])');
      const [, subjects, json] = statements[0].values as [string[], string[], string[]];
      expect(json.map((j) => (JSON.parse(j) as { data: { reason: string } }).data.reason)).toEqual(['one', 'two']);
      expect(subjects[0]).toMatch(/^ns1\.events\.[0-9a-f-]+\.casework\.case\.reopened\.v1$/);
      expect(published).toEqual(['ns1.outbox.wake.casework']);
    });

    it('refuses events beside a statement once events of the transaction are queued, as they would then be written out of order', async () => {
      const { publisher } = natsRecorder();
      const { tx } = recordingTx();
      await expect(
        transaction(tx, async () => {
          await publisher.append(tx, reopening('queued first'));
          publisher.beside(tx, [reopening('would be written before it')]);
        }),
      ).rejects.toThrow('events beside a statement must come before any event queued in the same transaction');
    });

    it('falls back to NOTIFY for a transaction it cannot see commit', async () => {
      const { published, publisher } = natsRecorder();
      const { tx, statements } = recordingTx();
      await publisher.append(tx, reopening('outside runTransaction'));
      expect(wakeUps(statements)).toBe(1);
      expect(published).toEqual([]);
    });
  });
});
