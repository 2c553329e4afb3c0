import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import type { HandlerContext } from '@mediation/messaging';
import { CaseDatesChangedV1, CaseMilestoneV1, CaseOpenedV2, CasePausedV1, CaseResumedV1, uuidv7, type ContractDefinitionInput } from '@mediation/protocol';
import { waitUntil } from '@mediation/testing';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DeadlineEngineHarness } from '../testing/deadline-engine.harness';
import { alarmJobId } from './deadline-alarm';
import { PauseDeadlinesUseCase } from './pause-deadlines.use-case';
import { RecordMilestoneUseCase } from './record-milestone.use-case';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

jest.setTimeout(120_000);

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
        {
          key: 'first-visit',
          label: 'Initial visit',
          startEvent: 'referral.received',
          stopEvent: 'visit.held',
          due: { kind: 'calendar-days', days: 14 },
          reminders: [{ days: 2, dayKind: 'working' }],
          pausable: true,
          basis,
        },
        {
          key: 'follow-up-visit',
          label: 'Follow-up visit',
          startEvent: 'contact.made',
          stopEvent: 'follow-up.held',
          due: { kind: 'calendar-days', days: 7 },
          pausable: true,
          basis,
        },
        {
          key: 'before-hearing',
          label: 'Mediation before the hearing',
          startEvent: 'referral.received',
          stopEvent: 'mediation.held',
          due: { kind: 'before-date-field', field: 'hearingDate', days: 0 },
          basis,
        },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
    {
      key: 'notices',
      name: 'Notices',
      form: {
        fields: [
          { key: 'noticeDate', label: 'Notice served', type: 'date' },
          { key: 'letterDate', label: 'Letter received', type: 'date' },
        ],
      },
      outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
      deadlineRules: [
        {
          key: 'visit-after-notice',
          label: 'Visit after the notice',
          startEvent: 'referral.received',
          startsFromField: 'noticeDate',
          stopEvent: 'visit.held',
          due: { kind: 'calendar-days', days: 10 },
          pausable: true,
          basis,
        },
        {
          key: 'reply-to-letter',
          label: 'Reply to the letter',
          startEvent: 'referral.received',
          startsFromField: 'letterDate',
          stopEvent: 'reply.sent',
          due: { kind: 'working-days', days: 5 },
          pausable: true,
          basis,
        },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
  ],
};

describe('paused clocks against real PostgreSQL, NATS and a BullMQ worker', () => {
  const engine = new DeadlineEngineHarness({ database: 'paused_clocks', namespace: 'p', definition, startsAt: '2027-03-01T10:00:00Z' });
  const { org, contractId, clock, publish, outbox, handled } = engine;

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  async function openCase(at: string, dates: Record<string, string> = { hearingDate: '2027-03-10' }, serviceLine = 'noise') {
    const caseId = uuidv7();
    await publish(CaseOpenedV2, caseId, 1, {
      caseId,
      referralId: uuidv7(),
      reference: `REF-${caseId.slice(-6)}`,
      contractId,
      serviceLine,
      openedAt: at,
      contractVersion: 1,
      receivedAt: at,
      clockStartsAt: at,
      dates,
    });
    await waitUntil(
      async () => ((await engine.sql.query(`SELECT 1 FROM scheduling.deadline WHERE case_id = $1`, [caseId])).rowCount === 2 ? true : undefined),
      { what: 'the case’s clocks' },
    );
    return caseId;
  }

  type Row = {
    id: string;
    status: string;
    dueAt: Date | null;
    revision: number;
    late: boolean;
    pausedAt: Date | null;
    remainingDays: number | null;
    firedAt: Date | null;
    remindersAt: Date[];
  };
  const byRule = async (caseId: string): Promise<Record<string, Row>> =>
    Object.fromEntries(
      (
        await engine.sql.query(
          `SELECT rule, id, status, due_at AS "dueAt", revision, late, paused_at AS "pausedAt", remaining_days AS "remainingDays", fired_at AS "firedAt", reminders_at AS "remindersAt" FROM scheduling.deadline WHERE case_id = $1`,
          [caseId],
        )
      ).rows.map((r) => [r.rule, r]),
    );
  /** Waits until `ok` holds of what `read` returns (an absence included: a removed job reads as undefined). */
  const until = <T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs?: number) =>
    waitUntil(
      async () => {
        const value = await read();
        return ok(value) ? { value } : undefined;
      },
      { what, ...(timeoutMs ? { timeoutMs } : {}) },
    ).then((found) => found.value);
  const pause = (caseId: string, pauseId: string, pausedAt: string, sequence = 2) =>
    publish(CasePausedV1, caseId, sequence, { caseId, contractId, pauseId, pausedAt, recordedAt: pausedAt });
  const resume = (caseId: string, pauseId: string, pausedAt: string, resumedAt: string, sequence = 3) =>
    publish(CaseResumedV1, caseId, sequence, { caseId, contractId, pauseId, pausedAt, resumedAt });
  const milestone = (caseId: string, name: string, occurredAt: string, sequence = 4) =>
    publish(CaseMilestoneV1, caseId, sequence, { caseId, contractId, milestone: name, occurredAt, recordedAt: occurredAt, source: 'test' });

  it('a paused clock cannot fire while paused, resumes with the days it had left and fires once at its new time; the hearing clock keeps running', async () => {
    const caseId = await openCase('2027-03-01T10:00:00Z');
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    const started = await byRule(caseId);
    expect(started['first-visit']).toMatchObject({ status: 'pending', dueAt: new Date('2027-03-15T23:59:59.999Z'), revision: 1 });
    await until(() => queue.getJob(alarmJobId(started['first-visit'].id, 1)), Boolean, 'the first alarm');

    // Paused on Friday 5 March with 10 calendar days left (6 to 15 March).
    clock.set('2027-03-05T10:00:00Z');
    const pauseId = uuidv7();
    await pause(caseId, pauseId, '2027-03-05T10:00:00Z');
    const paused = await until(
      () => byRule(caseId),
      (r) => r['first-visit'].status === 'paused',
      'the clock to stop',
    );
    expect(paused['first-visit']).toMatchObject({
      revision: 2,
      pausedAt: new Date('2027-03-05T10:00:00Z'),
      remainingDays: 10,
      dueAt: new Date('2027-03-15T23:59:59.999Z'),
    });
    expect(paused['before-hearing']).toMatchObject({ status: 'pending', revision: 1 });
    expect(await outbox('scheduling.deadline.paused.v1', paused['first-visit'].id)).toEqual([
      expect.objectContaining({ pausedAt: '2027-03-05T10:00:00.000Z', remainingDays: 10, dayKind: 'calendar', dueAt: '2027-03-15T23:59:59.999Z' }),
    ]);
    await until(
      () => queue.getJob(alarmJobId(paused['first-visit'].id, 1)),
      (job) => !job,
      'the old alarm to be removed',
    );

    // Past the original due time: a stale alarm, an alarm of the paused revision and the sweeper all leave it alone, while the hearing clock is breached.
    clock.set('2027-03-16T00:00:05Z');
    for (const revision of [1, 2]) {
      await engine.app
        .get(JobsService)
        .add(
          Jobs.fireDeadline,
          { deadlineId: paused['first-visit'].id, organisationId: org, revision },
          { jobId: `stale-${paused['first-visit'].id}-${revision}` },
        );
      await until(
        () => queue.getJob(`stale-${paused['first-visit'].id}-${revision}`),
        (job) => !job,
        'the stale alarm to run',
      );
    }
    await engine.app.get(SweepDeadlinesUseCase).execute();
    const swept = await byRule(caseId);
    expect(swept['first-visit']).toMatchObject({ status: 'paused', firedAt: null });
    expect(swept['before-hearing'].status).toBe('breached');
    expect(await outbox('scheduling.deadline.breached.v1', paused['first-visit'].id)).toEqual([]);

    // Resumed on Tuesday 16 March: 10 days on, it is due at the end of Friday 26 March; "now" is 15 s before that.
    clock.set('2027-03-26T23:59:45Z');
    await resume(caseId, pauseId, '2027-03-05T10:00:00Z', '2027-03-16T09:00:00Z');
    const resumed = await until(
      () => byRule(caseId),
      (r) => r['first-visit'].status === 'pending',
      'the clock to resume',
    );
    expect(resumed['first-visit']).toMatchObject({ revision: 3, dueAt: new Date('2027-03-26T23:59:59.999Z'), pausedAt: null, remainingDays: null });
    // The reminder two working days before the new due day (Wednesday 24 March, 09:00) is after the resume, so it is kept.
    expect(resumed['first-visit'].remindersAt).toEqual([new Date('2027-03-24T09:00:00Z')]);
    expect(await outbox('scheduling.deadline.rescheduled.v1', resumed['first-visit'].id)).toEqual([
      expect.objectContaining({
        previousDueAt: '2027-03-15T23:59:59.999Z',
        dueAt: '2027-03-26T23:59:59.999Z',
        cause: 'resumed',
        reason: expect.stringContaining('resumed'),
      }),
    ]);
    await until(() => queue.getJob(alarmJobId(resumed['first-visit'].id, 3)), Boolean, 'the new alarm');

    const breached = await until(
      () => byRule(caseId),
      (r) => r['first-visit'].status === 'breached',
      'the resumed clock to fire at its new time',
      40_000,
    );
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
    const after = await until(
      () => byRule(caseId),
      (r) => r['first-visit'].revision === 3,
      'the retried resume',
      40_000,
    );
    expect(await handled(resumeEvent)).toBe(true);
    expect(after['first-visit']).toMatchObject({ status: 'pending', dueAt: new Date('2027-04-19T22:59:59.999Z') });
    const file = (
      await engine.sql.query(
        `SELECT pause_id AS "pauseId", paused_at AS "pausedAt", resumed_pause_id AS "resumedPauseId" FROM scheduling.case_file WHERE case_id = $1`,
        [caseId],
      )
    ).rows[0];
    expect(file).toEqual({ pauseId: null, pausedAt: null, resumedPauseId: pauseId });

    const again = await pause(caseId, pauseId, '2027-04-02T10:00:00Z');
    await until(() => handled(again), Boolean, 'the repeated pause');
    expect((await byRule(caseId))['first-visit']).toMatchObject({ status: 'pending', revision: 3 });
  });

  it('a pausable clock starting during the pause starts paused; a stop event while paused meets it on time; closing cancels what is still paused', async () => {
    clock.set('2027-05-03T10:00:00Z');
    const caseId = await openCase('2027-05-03T10:00:00Z', { hearingDate: '2027-07-01' });
    await pause(caseId, uuidv7(), '2027-05-04T10:00:00Z');
    await until(
      () => byRule(caseId),
      (r) => r['first-visit'].status === 'paused',
      'the pause',
    );

    await milestone(caseId, 'contact.made', '2027-05-05T10:00:00Z', 3);
    const followUp = await until(
      () => byRule(caseId),
      (r) => Boolean(r['follow-up-visit']),
      'the follow-up clock',
    );
    expect(followUp['follow-up-visit']).toMatchObject({ status: 'paused', remainingDays: 7, pausedAt: new Date('2027-05-05T10:00:00Z') });
    expect(await engine.app.get(JobsService).queue(QUEUES.deadlines).getJob(alarmJobId(followUp['follow-up-visit'].id, 1))).toBeFalsy();

    // Visited long after the original due day (17 May), but the clock was stopped with days left: met, not late.
    clock.set('2027-05-25T10:00:00Z');
    await milestone(caseId, 'visit.held', '2027-05-25T09:00:00Z', 4);
    const met = await until(
      () => byRule(caseId),
      (r) => r['first-visit'].status === 'met',
      'the visit',
    );
    expect(met['first-visit'].late).toBe(false);

    await milestone(caseId, 'case.closed', '2027-05-26T09:00:00Z', 5);
    const closed = await until(
      () => byRule(caseId),
      (r) => r['follow-up-visit'].status === 'cancelled',
      'the closure',
    );
    expect(closed['before-hearing'].status).toBe('cancelled');
  });

  it('a clock starting at the moment the pause is applied waits for it, and starts paused', async () => {
    clock.set('2027-06-01T10:00:00Z');
    const caseId = await openCase('2027-06-01T10:00:00Z', { hearingDate: '2027-08-01' });
    const db = engine.app.get(SchedulingDatabase);
    const context: HandlerContext = { afterCommit: () => undefined };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let applied!: () => void;
    const pauseApplied = new Promise<void>((resolve) => (applied = resolve));
    // The pause is applied and not yet committed when contact is made, which starts the pausable follow-up clock.
    const pausing = db.run(
      async (tx) => {
        await engine.app
          .get(PauseDeadlinesUseCase)
          .execute(tx, { organisationId: org, caseId, pauseId: uuidv7(), pausedAt: new Date('2027-06-02T10:00:00Z') }, { correlationId: 'race' }, context);
        applied();
        await held;
      },
      { organisationId: org },
    );
    await pauseApplied;
    let contactRecorded = false;
    const contact = db
      .run(
        (tx) =>
          engine.app
            .get(RecordMilestoneUseCase)
            .execute(
              tx,
              { organisationId: org, caseId, milestone: 'contact.made', occurredAt: new Date('2027-06-02T10:00:01Z') },
              { correlationId: 'race' },
              context,
            ),
        { organisationId: org },
      )
      .then(() => (contactRecorded = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(contactRecorded).toBe(false);
    release();
    await Promise.all([pausing, contact]);
    expect((await byRule(caseId))['follow-up-visit']).toMatchObject({ status: 'paused', remainingDays: 7, pausedAt: new Date('2027-06-02T10:00:01Z') });
  });

  it('while the case is paused, a paused clock whose date moves keeps the days to its new due day, and one whose date arrives starts paused', async () => {
    clock.set('2027-09-01T10:00:00Z');
    // Notice served Wednesday 1 September: the visit is due by the end of Saturday 11 September; the letter's date is not known yet.
    const caseId = await openCase('2027-09-01T10:00:00Z', { noticeDate: '2027-09-01' }, 'notices');
    const opened = await byRule(caseId);
    expect(opened['visit-after-notice']).toMatchObject({ status: 'pending', dueAt: new Date('2027-09-11T22:59:59.999Z') });
    expect(opened['reply-to-letter'].status).toBe('awaiting-date');

    const pauseId = uuidv7();
    await pause(caseId, pauseId, '2027-09-03T10:00:00Z');
    await until(
      () => byRule(caseId),
      (r) => r['visit-after-notice'].status === 'paused' && r['visit-after-notice'].remainingDays === 8,
      'the visit clock to stop with 8 days left',
    );

    // The notice was in fact served on Thursday 2 September, and the letter, dated Monday 6 September, arrives.
    clock.set('2027-09-06T10:00:00Z');
    await publish(CaseDatesChangedV1, caseId, 3, {
      caseId,
      contractId,
      dates: { noticeDate: '2027-09-02', letterDate: '2027-09-06' },
      changed: ['noticeDate', 'letterDate'],
      changedAt: '2027-09-06T10:00:00Z',
    });
    const moved = await until(
      () => byRule(caseId),
      (r) => r['reply-to-letter'].status !== 'awaiting-date',
      'the dates to arrive',
    );
    expect(moved['visit-after-notice']).toMatchObject({
      status: 'paused',
      dueAt: new Date('2027-09-12T22:59:59.999Z'),
      remainingDays: 9,
      pausedAt: new Date('2027-09-03T10:00:00Z'),
      revision: 3,
    });
    // Five working days from Monday 6 September: due Monday 13 September, every one of them still ahead.
    expect(moved['reply-to-letter']).toMatchObject({
      status: 'paused',
      dueAt: new Date('2027-09-13T22:59:59.999Z'),
      remainingDays: 5,
      pausedAt: new Date('2027-09-05T23:00:00Z'),
      remindersAt: [],
    });
    expect(await outbox('scheduling.deadline.paused.v1', moved['visit-after-notice'].id)).toEqual([
      expect.objectContaining({ remainingDays: 8 }),
      expect.objectContaining({ remainingDays: 9, dueAt: '2027-09-12T22:59:59.999Z' }),
    ]);
    expect(await outbox('scheduling.deadline.paused.v1', moved['reply-to-letter'].id)).toEqual([
      expect.objectContaining({ remainingDays: 5, dayKind: 'working' }),
    ]);
    expect(
      await engine.app.get(JobsService).queue(QUEUES.deadlines).getJob(alarmJobId(moved['reply-to-letter'].id, moved['reply-to-letter'].revision)),
    ).toBeFalsy();

    // Resumed Wednesday 8 September: 9 calendar days on is Friday 17 September; 5 working days on is Wednesday 15 September.
    await resume(caseId, pauseId, '2027-09-03T10:00:00Z', '2027-09-08T10:00:00Z', 4);
    const resumed = await until(
      () => byRule(caseId),
      (r) => r['visit-after-notice'].status === 'pending' && r['reply-to-letter'].status === 'pending',
      'the clocks to resume',
    );
    expect(resumed['visit-after-notice'].dueAt).toEqual(new Date('2027-09-17T22:59:59.999Z'));
    expect(resumed['reply-to-letter'].dueAt).toEqual(new Date('2027-09-15T22:59:59.999Z'));
  });

  it('a case paused and resumed before its clocks have started leaves them their full time', async () => {
    clock.set('2027-07-01T10:00:00Z');
    // Notice served and letter dated Monday 5 July: the visit is due by the end of Thursday 15 July, the reply by the end of Monday 12 July.
    const caseId = await openCase('2027-07-01T10:00:00Z', { noticeDate: '2027-07-05', letterDate: '2027-07-05' }, 'notices');
    const opened = await byRule(caseId);
    expect(opened['visit-after-notice']).toMatchObject({ status: 'pending', dueAt: new Date('2027-07-15T22:59:59.999Z') });
    expect(opened['reply-to-letter']).toMatchObject({ status: 'pending', dueAt: new Date('2027-07-12T22:59:59.999Z') });

    const pauseId = uuidv7();
    await pause(caseId, pauseId, '2027-07-01T11:00:00Z');
    await until(
      () => byRule(caseId),
      (r) => r['visit-after-notice'].status === 'paused' && r['reply-to-letter'].status === 'paused',
      'both clocks to stop',
    );
    clock.set('2027-07-02T11:00:00Z');
    await resume(caseId, pauseId, '2027-07-01T11:00:00Z', '2027-07-02T11:00:00Z');
    const resumed = await until(
      () => byRule(caseId),
      (r) => r['visit-after-notice'].status === 'pending' && r['reply-to-letter'].status === 'pending',
      'the clocks to resume',
    );
    // Resumed on 2 July, before either clock had started: they still run from 5 July, not from the resume.
    expect(resumed['visit-after-notice'].dueAt).toEqual(new Date('2027-07-15T22:59:59.999Z'));
    expect(resumed['reply-to-letter'].dueAt).toEqual(new Date('2027-07-12T22:59:59.999Z'));
  });
});
