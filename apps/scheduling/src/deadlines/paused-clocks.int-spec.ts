import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { Clock, LifecycleService } from '@mediation/platform';
import { CaseMilestoneV1, CaseOpenedV2, CasePausedV1, CaseResumedV1, ContractDefinitionSchema, ContractPublishedV2, uuidv7, type ContractDefinitionInput, type EventData, type EventDefinition } from '@mediation/protocol';
import { createTestDatabase, createTestNamespace, waitUntil, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { alarmJobId } from './deadline-alarm';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

jest.setTimeout(120_000);

/** Real time, shifted: "now" is a chosen London moment and then runs on at the real pace, so BullMQ's real delays line up with the deadlines' due times. */
class ShiftedClock extends Clock {
  private offsetMs = 0;
  set(iso: string): void {
    this.offsetMs = new Date(iso).getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const org = uuidv7();
const contractId = uuidv7();
const basis = { kind: 'contractual' as const, text: 'Test contract clause.', source: { document: 'integration test contract' } };

/** A housing-like line: two-week clocks that pause with the case, and a clock to a hearing date that never does. */
const definition: ContractDefinitionInput = {
  reference: 'INT-PAUSE',
  title: 'Paused clocks test contract',
  buyers: [{ name: 'Test Council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise',
      form: { fields: [{ key: 'hearingDate', label: 'Hearing date', type: 'date' }] },
      outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
      deadlineRules: [
        { key: 'first-visit', label: 'Initial visit', startEvent: 'referral.received', stopEvent: 'visit.held', due: { kind: 'calendar-days', days: 14 }, reminders: [{ days: 2, dayKind: 'working' }], pausable: true, basis },
        { key: 'follow-up-visit', label: 'Follow-up visit', startEvent: 'contact.made', stopEvent: 'follow-up.held', due: { kind: 'calendar-days', days: 7 }, pausable: true, basis },
        { key: 'before-hearing', label: 'Mediation before the hearing', startEvent: 'referral.received', stopEvent: 'mediation.held', due: { kind: 'before-date-field', field: 'hearingDate', days: 0 }, basis },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
  ],
};

describe('paused clocks against real PostgreSQL, NATS and a BullMQ worker', () => {
  let db: TestDatabase;
  let ns: TestNamespace;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let sql: Client;
  const clock = new ShiftedClock();

  beforeAll(async () => {
    [db, ns] = [await createTestDatabase('paused_clocks'), createTestNamespace('p')];
    process.env.DATABASE_URL = db.url;
    process.env.NATS_NAMESPACE = ns.namespace;
    clock.set('2027-03-01T10:00:00Z');
    app = await NestFactory.createApplicationContext(AppModule.register(loadSchedulingConfig()), { logger: false });
    app.get(Clock, { strict: false }).now = () => clock.now();
    await app.init();
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    js = jetstream(nc);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await publish(ContractPublishedV2, contractId, 1, { contractId, version: 1, status: 'active', template: null, definition: ContractDefinitionSchema.parse(definition) });
    await waitUntil(async () => ((await sql.query(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).rowCount ? true : undefined), { what: 'the contract projection' });
  });

  afterAll(async () => {
    await app?.get(LifecycleService).shutdown(10_000).catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sql?.end();
    await nc?.close();
    await ns?.cleanup();
    await db?.drop();
  });

  async function publish<D extends EventDefinition>(definition: D, subject: string, sequence: number, data: EventData<D>, id = uuidv7()): Promise<string> {
    const envelope = { specversion: '1.0', id, source: '/services/test', type: definition.type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data, organisationid: org, contractid: contractId, sequence, correlationid: `int-${id}` };
    await js.publish(ns.names.event(org, definition.type), JSON.stringify(envelope), { msgID: id });
    return id;
  }

  async function openCase(at: string, dates: Record<string, string> = { hearingDate: '2027-03-10' }) {
    const caseId = uuidv7();
    await publish(CaseOpenedV2, caseId, 1, { caseId, referralId: uuidv7(), reference: `REF-${caseId.slice(-6)}`, contractId, serviceLine: 'noise', openedAt: at, contractVersion: 1, receivedAt: at, clockStartsAt: at, dates });
    await waitUntil(async () => ((await sql.query(`SELECT 1 FROM scheduling.deadline WHERE case_id = $1`, [caseId])).rowCount === 2 ? true : undefined), { what: 'the case’s clocks' });
    return caseId;
  }

  type Row = { id: string; status: string; dueAt: Date | null; revision: number; late: boolean; pausedAt: Date | null; remainingDays: number | null; firedAt: Date | null; remindersAt: Date[] };
  const byRule = async (caseId: string): Promise<Record<string, Row>> =>
    Object.fromEntries(
      (await sql.query(`SELECT rule, id, status, due_at AS "dueAt", revision, late, paused_at AS "pausedAt", remaining_days AS "remainingDays", fired_at AS "firedAt", reminders_at AS "remindersAt" FROM scheduling.deadline WHERE case_id = $1`, [caseId])).rows.map((r) => [r.rule, r]),
    );
  /** Waits until `ok` holds of what `read` returns (an absence included: a removed job reads as undefined). */
  const until = <T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs?: number) =>
    waitUntil(async () => {
      const value = await read();
      return ok(value) ? { value } : undefined;
    }, { what, ...(timeoutMs ? { timeoutMs } : {}) }).then((found) => found.value);
  const outbox = async (type: string, deadlineId: string) => (await sql.query(`SELECT envelope FROM scheduling.outbox WHERE envelope->>'type' = $1 AND envelope->>'subject' = $2 ORDER BY position`, [type, deadlineId])).rows.map((r) => r.envelope.data);
  const handled = async (eventId: string) => Boolean((await sql.query(`SELECT 1 FROM scheduling.inbox WHERE event_id = $1`, [eventId])).rowCount);
  const pause = (caseId: string, pauseId: string, pausedAt: string, sequence = 2) => publish(CasePausedV1, caseId, sequence, { caseId, contractId, pauseId, pausedAt, recordedAt: pausedAt });
  const resume = (caseId: string, pauseId: string, pausedAt: string, resumedAt: string, sequence = 3) => publish(CaseResumedV1, caseId, sequence, { caseId, contractId, pauseId, pausedAt, resumedAt });
  const milestone = (caseId: string, name: string, occurredAt: string, sequence = 4) => publish(CaseMilestoneV1, caseId, sequence, { caseId, contractId, milestone: name, occurredAt, recordedAt: occurredAt, source: 'test' });

  it('a paused clock cannot fire while paused, resumes with the days it had left and fires once at its new time; the hearing clock keeps running', async () => {
    const caseId = await openCase('2027-03-01T10:00:00Z');
    const queue = app.get(JobsService).queue(QUEUES.deadlines);
    const started = await byRule(caseId);
    expect(started['first-visit']).toMatchObject({ status: 'pending', dueAt: new Date('2027-03-15T23:59:59.999Z'), revision: 1 });
    await until(() => queue.getJob(alarmJobId(started['first-visit'].id, 1)), Boolean, 'the first alarm');

    // Paused on Friday 5 March with 10 calendar days left (6 to 15 March).
    clock.set('2027-03-05T10:00:00Z');
    const pauseId = uuidv7();
    await pause(caseId, pauseId, '2027-03-05T10:00:00Z');
    const paused = await until(() => byRule(caseId), (r) => r['first-visit'].status === 'paused', 'the clock to stop');
    expect(paused['first-visit']).toMatchObject({ revision: 2, pausedAt: new Date('2027-03-05T10:00:00Z'), remainingDays: 10, dueAt: new Date('2027-03-15T23:59:59.999Z') });
    expect(paused['before-hearing']).toMatchObject({ status: 'pending', revision: 1 });
    expect(await outbox('scheduling.deadline.paused.v1', paused['first-visit'].id)).toEqual([expect.objectContaining({ pausedAt: '2027-03-05T10:00:00.000Z', remainingDays: 10, dayKind: 'calendar', dueAt: '2027-03-15T23:59:59.999Z' })]);
    await until(() => queue.getJob(alarmJobId(paused['first-visit'].id, 1)), (job) => !job, 'the old alarm to be removed');

    // Past the original due time: a stale alarm, an alarm of the paused revision and the sweeper all leave it alone, while the hearing clock is breached.
    clock.set('2027-03-16T00:00:05Z');
    for (const revision of [1, 2]) {
      await app.get(JobsService).add(Jobs.fireDeadline, { deadlineId: paused['first-visit'].id, organisationId: org, revision }, { jobId: `stale-${paused['first-visit'].id}-${revision}` });
      await until(() => queue.getJob(`stale-${paused['first-visit'].id}-${revision}`), (job) => !job, 'the stale alarm to run');
    }
    await app.get(SweepDeadlinesUseCase).execute();
    const swept = await byRule(caseId);
    expect(swept['first-visit']).toMatchObject({ status: 'paused', firedAt: null });
    expect(swept['before-hearing'].status).toBe('breached');
    expect(await outbox('scheduling.deadline.breached.v1', paused['first-visit'].id)).toEqual([]);

    // Resumed on Tuesday 16 March: 10 days on, it is due at the end of Friday 26 March; "now" is 15 s before that.
    clock.set('2027-03-26T23:59:45Z');
    await resume(caseId, pauseId, '2027-03-05T10:00:00Z', '2027-03-16T09:00:00Z');
    const resumed = await until(() => byRule(caseId), (r) => r['first-visit'].status === 'pending', 'the clock to resume');
    expect(resumed['first-visit']).toMatchObject({ revision: 3, dueAt: new Date('2027-03-26T23:59:59.999Z'), pausedAt: null, remainingDays: null });
    // The reminder two working days before the new due day (Wednesday 24 March, 09:00) is after the resume, so it is kept.
    expect(resumed['first-visit'].remindersAt).toEqual([new Date('2027-03-24T09:00:00Z')]);
    expect(await outbox('scheduling.deadline.rescheduled.v1', resumed['first-visit'].id)).toEqual([
      expect.objectContaining({ previousDueAt: '2027-03-15T23:59:59.999Z', dueAt: '2027-03-26T23:59:59.999Z', cause: 'resumed', reason: expect.stringContaining('resumed') }),
    ]);
    await until(() => queue.getJob(alarmJobId(resumed['first-visit'].id, 3)), Boolean, 'the new alarm');

    const breached = await until(() => byRule(caseId), (r) => r['first-visit'].status === 'breached', 'the resumed clock to fire at its new time', 40_000);
    expect(breached['first-visit'].firedAt!.getTime()).toBeGreaterThanOrEqual(new Date('2027-03-26T23:59:59.999Z').getTime());
    expect(breached['first-visit'].firedAt!.getTime() - new Date('2027-03-26T23:59:59.999Z').getTime()).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await outbox('scheduling.deadline.breached.v1', resumed['first-visit'].id)).toHaveLength(1);
  });

  it('a resume that arrives before its pause is retried until the pause is seen; a pause delivered again changes nothing', async () => {
    clock.set('2027-04-01T10:00:00Z');
    const caseId = await openCase('2027-04-01T10:00:00Z', { hearingDate: '2027-06-01' });
    const pauseId = uuidv7();
    const resumeEvent = await resume(caseId, pauseId, '2027-04-02T10:00:00Z', '2027-04-06T10:00:00Z');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await handled(resumeEvent)).toBe(false);
    expect((await byRule(caseId))['first-visit']).toMatchObject({ status: 'pending', revision: 1 });

    await pause(caseId, pauseId, '2027-04-02T10:00:00Z');
    // Due 15 April (BST), paused 2 April with 13 days left, resumed 6 April: due at the end of 19 April.
    const after = await until(() => byRule(caseId), (r) => r['first-visit'].revision === 3, 'the retried resume', 40_000);
    expect(await handled(resumeEvent)).toBe(true);
    expect(after['first-visit']).toMatchObject({ status: 'pending', dueAt: new Date('2027-04-19T22:59:59.999Z') });
    const file = (await sql.query(`SELECT pause_id AS "pauseId", paused_at AS "pausedAt", resumed_pause_id AS "resumedPauseId" FROM scheduling.case_file WHERE case_id = $1`, [caseId])).rows[0];
    expect(file).toEqual({ pauseId: null, pausedAt: null, resumedPauseId: pauseId });

    const again = await pause(caseId, pauseId, '2027-04-02T10:00:00Z');
    await until(() => handled(again), Boolean, 'the repeated pause');
    expect((await byRule(caseId))['first-visit']).toMatchObject({ status: 'pending', revision: 3 });
  });

  it('a pausable clock starting during the pause starts paused; a stop event while paused meets it on time; closing cancels what is still paused', async () => {
    clock.set('2027-05-03T10:00:00Z');
    const caseId = await openCase('2027-05-03T10:00:00Z', { hearingDate: '2027-07-01' });
    await pause(caseId, uuidv7(), '2027-05-04T10:00:00Z');
    await until(() => byRule(caseId), (r) => r['first-visit'].status === 'paused', 'the pause');

    await milestone(caseId, 'contact.made', '2027-05-05T10:00:00Z', 3);
    const followUp = await until(() => byRule(caseId), (r) => Boolean(r['follow-up-visit']), 'the follow-up clock');
    expect(followUp['follow-up-visit']).toMatchObject({ status: 'paused', remainingDays: 7, pausedAt: new Date('2027-05-05T10:00:00Z') });
    expect(await app.get(JobsService).queue(QUEUES.deadlines).getJob(alarmJobId(followUp['follow-up-visit'].id, 1))).toBeFalsy();

    // Visited long after the original due day (17 May), but the clock was stopped with days left: met, not late.
    clock.set('2027-05-25T10:00:00Z');
    await milestone(caseId, 'visit.held', '2027-05-25T09:00:00Z', 4);
    const met = await until(() => byRule(caseId), (r) => r['first-visit'].status === 'met', 'the visit');
    expect(met['first-visit'].late).toBe(false);

    await milestone(caseId, 'case.closed', '2027-05-26T09:00:00Z', 5);
    const closed = await until(() => byRule(caseId), (r) => r['follow-up-visit'].status === 'cancelled', 'the closure');
    expect(closed['before-hearing'].status).toBe('cancelled');
  });
});
