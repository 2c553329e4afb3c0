import { Jobs, JobsService, QUEUES } from '@mediation/jobs';
import { CaseAssignedV1, CaseDatesChangedV1, CaseMilestoneV1, CaseOpenedV2, uuidv7, type ContractDefinitionInput, type RpcMeta } from '@mediation/protocol';
import { waitUntil } from '@mediation/testing';
import { DeadlineEngineHarness } from '../testing/deadline-engine.harness';
import { alarmJobId, reminderJobId } from './deadline-alarm';
import { ListCaseDeadlinesUseCase } from './list-case-deadlines.use-case';
import { ListDeadlinesUseCase } from './list-deadlines.use-case';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

jest.setTimeout(120_000);

const basis = { kind: 'contractual' as const, text: 'Test contract clause.', source: { document: 'integration test contract' } };

/** A contract with a possession line and a SEND line, their clocks as the templates set them. */
const definition: ContractDefinitionInput = {
  reference: 'INT-1',
  title: 'Deadline engine test contract',
  buyers: [{ name: 'Test Council', role: 'council' }],
  serviceLines: [
    {
      key: 'possession',
      name: 'Possession',
      form: { fields: [{ key: 'hearingDate', label: 'Hearing date', type: 'date' }] },
      outcomes: [{ key: 'settled', label: 'Settled', expected: true }],
      deadlineRules: [
        {
          key: 'contact-parties',
          label: 'First contact',
          startEvent: 'referral.received',
          stopEvent: 'contact.made',
          due: { kind: 'working-days', days: 2 },
          reminders: [{ days: 1, dayKind: 'working' }],
          basis,
        },
        {
          key: 'mediation-before-hearing',
          label: 'Mediation before the hearing',
          startEvent: 'referral.received',
          stopEvent: 'mediation.held',
          due: { kind: 'before-date-field', field: 'hearingDate', days: 1, dayKind: 'calendar' },
          reminders: [{ days: 2, dayKind: 'working' }],
          basis,
        },
        {
          key: 'case-report',
          label: 'Case report after closure',
          startEvent: 'case.closed',
          stopEvent: 'report.sent',
          repeats: true,
          due: { kind: 'working-days', days: 5 },
          basis,
        },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
    {
      key: 'send',
      name: 'SEND',
      form: {
        fields: [
          { key: 'laInformedDate', label: 'LA told', type: 'date' },
          { key: 'decisionLetterDate', label: 'Decision letter', type: 'date' },
        ],
      },
      outcomes: [{ key: 'agreement', label: 'Agreement', expected: true }],
      deadlineRules: [
        {
          key: 'mediation-within-30-days',
          label: 'Mediation within 30 days',
          startEvent: 'referral.received',
          startsFromField: 'laInformedDate',
          stopEvent: 'mediation.held',
          cancelEvents: ['mediation.declined'],
          due: { kind: 'calendar-days', days: 30 },
          basis,
        },
        {
          key: 'certificate-no-mediation',
          label: 'Certificate when declined',
          startEvent: 'mediation.declined',
          stopEvent: 'certificate.issued',
          due: { kind: 'working-days', days: 3 },
          basis,
        },
        {
          key: 'certificate-after-mediation',
          label: 'Certificate after mediation',
          startEvent: 'mediation.held',
          stopEvent: 'certificate.issued',
          due: { kind: 'working-days', days: 3 },
          basis,
        },
        {
          key: 'appeal-deadline',
          label: 'Appeal deadline',
          kind: 'informational',
          startEvent: 'certificate.issued',
          stopEvent: 'appeal.lodged',
          due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
          basis,
        },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
  ],
};

describe('the deadline engine against real PostgreSQL, NATS and a BullMQ worker', () => {
  const engine = new DeadlineEngineHarness({ database: 'deadlines', namespace: 'd', definition, startsAt: '2027-03-01T10:00:00Z' });
  const { org, contractId, clock, publish, outbox } = engine;

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  function openCase(serviceLine: string, dates: Record<string, string>, at: string) {
    const caseId = uuidv7();
    const data = {
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
    };
    return { caseId, publish: (id?: string) => publish(CaseOpenedV2, caseId, 1, data, id) };
  }

  const deadlines = async (caseId: string) =>
    (
      await engine.sql.query(
        `SELECT rule, status, kind, due_at AS "dueAt", revision, late, met_at AS "metAt", awaiting_field AS "awaitingField", fired_at AS "firedAt", id FROM scheduling.deadline WHERE case_id = $1 ORDER BY rule`,
        [caseId],
      )
    ).rows as {
      rule: string;
      status: string;
      kind: string;
      dueAt: Date | null;
      revision: number;
      late: boolean;
      metAt: Date | null;
      awaitingField: string | null;
      firedAt: Date | null;
      id: string;
    }[];
  const byRule = async (caseId: string) => Object.fromEntries((await deadlines(caseId)).map((d) => [d.rule, d]));
  const milestone = (caseId: string, name: string, occurredAt: string, id?: string, sequence = 2) =>
    publish(CaseMilestoneV1, caseId, sequence, { caseId, contractId, milestone: name, occurredAt, recordedAt: occurredAt, source: 'test' }, id);
  const handled = (eventId: string) => waitUntil(async () => ((await engine.handled(eventId)) ? true : undefined), { what: `event ${eventId} to be handled` });
  const caseFile = async (caseId: string) =>
    (await engine.sql.query(`SELECT status, dates, dates_sequence AS "datesSequence" FROM scheduling.case_file WHERE case_id = $1`, [caseId])).rows[0] as {
      status: string;
      dates: Record<string, string>;
      datesSequence: number;
    };

  it('a case opened under the contract gets the deadlines of its service line, once, however often the event arrives', async () => {
    const opened = openCase('possession', { hearingDate: '2027-03-10' }, '2027-03-02T10:00:00Z');
    const eventId = await opened.publish();
    const rows = await waitUntil(async () => ((await deadlines(opened.caseId)).length === 2 ? byRule(opened.caseId) : undefined), { what: 'two deadlines' });
    expect(rows['contact-parties']).toMatchObject({ status: 'pending', kind: 'provider', dueAt: new Date('2027-03-04T23:59:59.999Z') });
    expect(rows['mediation-before-hearing']).toMatchObject({ status: 'pending', dueAt: new Date('2027-03-09T23:59:59.999Z'), revision: 1 });
    expect(await outbox('scheduling.deadline.set.v1', rows['mediation-before-hearing'].id)).toEqual([
      expect.objectContaining({ rule: 'mediation-before-hearing', label: 'Mediation before the hearing', dueAt: '2027-03-09T23:59:59.999Z' }),
    ]);
    expect(await engine.app.get(JobsService).queue(QUEUES.deadlines).getJob(alarmJobId(rows['mediation-before-hearing'].id, 1))).toBeTruthy();

    await opened.publish(eventId);
    await opened.publish();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await deadlines(opened.caseId)).toHaveLength(2);
  });

  it('a deadline counting to a date the case lacks waits for it, and is set when the date arrives', async () => {
    const opened = openCase('possession', {}, '2027-03-02T10:00:00Z');
    await opened.publish();
    const waiting = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    expect(waiting).toMatchObject({ status: 'awaiting-date', dueAt: null, awaitingField: 'hearingDate' });

    await publish(CaseDatesChangedV1, opened.caseId, 2, {
      caseId: opened.caseId,
      contractId,
      dates: { hearingDate: '2027-03-24' },
      changed: ['hearingDate'],
      changedAt: '2027-03-03T10:00:00Z',
    });
    const set = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-before-hearing'].status === 'pending' ? (await byRule(opened.caseId))['mediation-before-hearing'] : undefined,
      { what: 'the date to arrive' },
    );
    expect(set).toMatchObject({ dueAt: new Date('2027-03-23T23:59:59.999Z'), awaitingField: null, revision: 2 });
    expect(await outbox('scheduling.deadline.set.v1', set.id)).toHaveLength(1);
  });

  it('when the hearing date moves, the deadline moves with it, the old alarm goes, a stale job does nothing, and it fires once at the new time', async () => {
    clock.set('2027-03-08T23:59:45Z'); // 15 s before the end of Monday 8 March, London (GMT)
    const opened = openCase('possession', { hearingDate: '2027-03-20' }, '2027-03-08T23:59:45Z');
    await opened.publish();
    const first = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    expect(first.dueAt).toEqual(new Date('2027-03-19T23:59:59.999Z'));
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    await waitUntil(async () => queue.getJob(alarmJobId(first.id, 1)), { what: 'the first alarm' });

    await publish(CaseDatesChangedV1, opened.caseId, 2, {
      caseId: opened.caseId,
      contractId,
      dates: { hearingDate: '2027-03-09' },
      changed: ['hearingDate'],
      changedAt: '2027-03-08T23:59:46Z',
    });
    const moved = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-before-hearing'].revision === 2 ? (await byRule(opened.caseId))['mediation-before-hearing'] : undefined,
      { what: 'the deadline to move' },
    );
    expect(moved).toMatchObject({ status: 'pending', dueAt: new Date('2027-03-08T23:59:59.999Z') });
    expect(await outbox('scheduling.deadline.rescheduled.v1', moved.id)).toEqual([
      expect.objectContaining({ previousDueAt: '2027-03-19T23:59:59.999Z', dueAt: '2027-03-08T23:59:59.999Z', reason: 'hearingDate' }),
    ]);
    await waitUntil(async () => ((await queue.getJob(alarmJobId(moved.id, 1))) ? undefined : true), { what: 'the old alarm to be removed' });
    expect(await queue.getJob(alarmJobId(moved.id, 2))).toBeTruthy();

    // A job of the old revision that still rings (e.g. already taken by a worker) is a no-op.
    await engine.app.get(JobsService).add(Jobs.fireDeadline, { deadlineId: moved.id, organisationId: org, revision: 1 }, { jobId: `stale-${moved.id}` });
    await waitUntil(async () => ((await queue.getJob(`stale-${moved.id}`)) ? undefined : true), { what: 'the stale job to run' });
    expect((await byRule(opened.caseId))['mediation-before-hearing'].status).toBe('pending');

    const breached = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-before-hearing'].status === 'breached' ? (await byRule(opened.caseId))['mediation-before-hearing'] : undefined,
      { what: 'the deadline to fire at its new time', timeoutMs: 40_000 },
    );
    expect(breached.firedAt!.getTime()).toBeGreaterThanOrEqual(new Date('2027-03-08T23:59:59.999Z').getTime());
    expect(breached.firedAt!.getTime() - new Date('2027-03-08T23:59:59.999Z').getTime()).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await outbox('scheduling.deadline.breached.v1', moved.id)).toHaveLength(1);

    // Met afterwards: met late.
    await milestone(opened.caseId, 'mediation.held', '2027-03-09T09:00:00Z');
    const late = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-before-hearing'].status === 'met' ? (await byRule(opened.caseId))['mediation-before-hearing'] : undefined,
      { what: 'the late meeting' },
    );
    expect(late).toMatchObject({ late: true, metAt: new Date('2027-03-09T09:00:00Z') });
    expect(await outbox('scheduling.deadline.met.v1', moved.id)).toEqual([expect.objectContaining({ late: true })]);
  });

  it('SEND: mediation held meets the 30-day clock and starts the certificate; the certificate meets it and starts the family’s informational appeal deadline; a redelivered milestone changes nothing', async () => {
    clock.set('2026-12-19T11:00:00Z');
    const opened = openCase('send', { laInformedDate: '2026-12-19', decisionLetterDate: '2026-11-20' }, '2026-12-19T11:00:00Z');
    await opened.publish();
    const start = await waitUntil(async () => (await byRule(opened.caseId))['mediation-within-30-days']);
    expect(start).toMatchObject({ status: 'pending', dueAt: new Date('2027-01-18T23:59:59.999Z') });

    clock.set('2026-12-23T16:00:00Z');
    const heldId = await milestone(opened.caseId, 'mediation.held', '2026-12-23T15:00:00Z');
    const afterHeld = await waitUntil(async () => ((await byRule(opened.caseId))['certificate-after-mediation'] ? byRule(opened.caseId) : undefined), {
      what: 'the certificate clock',
    });
    expect(afterHeld['mediation-within-30-days']).toMatchObject({ status: 'met', late: false, metAt: new Date('2026-12-23T15:00:00Z') });
    expect(afterHeld['certificate-after-mediation']).toMatchObject({ status: 'pending', dueAt: new Date('2026-12-30T23:59:59.999Z') });

    await milestone(opened.caseId, 'certificate.issued', '2026-12-30T12:00:00Z');
    const afterCertificate = await waitUntil(async () => ((await byRule(opened.caseId))['appeal-deadline'] ? byRule(opened.caseId) : undefined), {
      what: 'the appeal deadline',
    });
    expect(afterCertificate['certificate-after-mediation']).toMatchObject({ status: 'met', late: false });
    expect(afterCertificate['appeal-deadline']).toMatchObject({ status: 'pending', kind: 'informational', dueAt: new Date('2027-02-01T17:00:00.000Z') });
    // The family's deadline is never an alarm against the provider.
    expect(await engine.app.get(JobsService).queue(QUEUES.deadlines).getJob(alarmJobId(afterCertificate['appeal-deadline'].id, 1))).toBeFalsy();

    await milestone(opened.caseId, 'mediation.held', '2026-12-23T15:00:00Z', heldId);
    await milestone(opened.caseId, 'mediation.held', '2026-12-24T15:00:00Z');
    await new Promise((r) => setTimeout(r, 1_500));
    const again = await byRule(opened.caseId);
    expect(Object.keys(again).sort()).toEqual(['appeal-deadline', 'certificate-after-mediation', 'mediation-within-30-days']);
    expect(again['mediation-within-30-days'].metAt).toEqual(new Date('2026-12-23T15:00:00Z'));
    expect(await outbox('scheduling.deadline.met.v1', again['mediation-within-30-days'].id)).toHaveLength(1);
  });

  it('SEND entered late: the clocks are judged by when things happened, not when they were typed in; a breach is taken back when the event, recorded late, happened in time', async () => {
    clock.set('2027-02-10T10:00:00Z');
    // The LA was told on 19 December: the 30-day clock (due 18 January) is long overdue when the case is typed in, and breaches at once.
    const opened = openCase('send', { laInformedDate: '2026-12-19', decisionLetterDate: '2026-11-20' }, '2027-02-10T10:00:00Z');
    await opened.publish();
    const mediation = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-within-30-days']?.status === 'breached'
          ? (await byRule(opened.caseId))['mediation-within-30-days']
          : undefined,
      { what: 'the overdue clock to breach' },
    );

    // The family had declined on 10 January, before the due date: the clock is cancelled as if recorded that day.
    await handled(await milestone(opened.caseId, 'mediation.declined', '2027-01-10T10:00:00Z'));
    const certificate = await waitUntil(
      async () => ((await byRule(opened.caseId))['certificate-no-mediation']?.status === 'breached' ? byRule(opened.caseId) : undefined),
      { what: 'the certificate clock, overdue too' },
    );
    expect(certificate['mediation-within-30-days']).toMatchObject({ status: 'cancelled', metAt: null });
    expect(await outbox('scheduling.deadline.cancelled.v1', mediation.id)).toEqual([
      expect.objectContaining({ reason: 'stopped-by-event', cancelledAt: '2027-01-10T10:00:00.000Z' }),
    ]);
    expect(await outbox('scheduling.deadline.breach-corrected.v1', mediation.id)).toEqual([
      expect.objectContaining({ now: 'cancelled', occurredAt: '2027-01-10T10:00:00.000Z', dueAt: '2027-01-18T23:59:59.999Z' }),
    ]);
    expect(certificate['certificate-no-mediation'].dueAt).toEqual(new Date('2027-01-13T23:59:59.999Z'));

    // The certificate went out on 12 January, within 3 working days of the decline: met on time, breach taken back.
    await handled(await milestone(opened.caseId, 'certificate.issued', '2027-01-12T15:00:00Z', undefined, 3));
    const issued = await waitUntil(async () => ((await byRule(opened.caseId))['appeal-deadline'] ? byRule(opened.caseId) : undefined), {
      what: 'the appeal deadline',
    });
    expect(issued['certificate-no-mediation']).toMatchObject({ status: 'met', late: false, metAt: new Date('2027-01-12T15:00:00Z') });
    expect(await outbox('scheduling.deadline.met.v1', issued['certificate-no-mediation'].id)).toEqual([expect.objectContaining({ late: false })]);
    expect(await outbox('scheduling.deadline.breach-corrected.v1', issued['certificate-no-mediation'].id)).toEqual([
      expect.objectContaining({ now: 'met', occurredAt: '2027-01-12T15:00:00.000Z' }),
    ]);
    // The family's appeal date: 12 February (a month from the certificate, later than two months from the letter), by 17:00.
    expect(issued['appeal-deadline']).toMatchObject({ status: 'pending', kind: 'informational', dueAt: new Date('2027-02-12T17:00:00.000Z') });
  });

  it('a family’s appeal date that has gone by shows as passed, never as a breach against the provider; a corrected decision letter can give it time again', async () => {
    clock.set('2027-02-10T10:00:00Z');
    const opened = openCase('send', { laInformedDate: '2027-01-04', decisionLetterDate: '2026-11-20' }, '2027-02-10T10:00:00Z');
    await opened.publish();
    await waitUntil(async () => (await byRule(opened.caseId))['mediation-within-30-days']);
    await handled(await milestone(opened.caseId, 'mediation.held', '2027-01-05T10:00:00Z'));
    await handled(await milestone(opened.caseId, 'certificate.issued', '2027-01-06T10:00:00Z', undefined, 3));
    const appeal = await waitUntil(async () => (await byRule(opened.caseId))['appeal-deadline']);
    expect(appeal).toMatchObject({ status: 'pending', dueAt: new Date('2027-02-08T17:00:00.000Z') });

    await engine.app.get(SweepDeadlinesUseCase).execute();
    expect((await byRule(opened.caseId))['appeal-deadline']).toMatchObject({ status: 'passed', kind: 'informational', late: false });
    expect(await outbox('scheduling.deadline.breached.v1', appeal.id)).toEqual([]);
    const listed = await engine.app
      .get(ListCaseDeadlinesUseCase)
      .execute({ organisationId: org, actorId: 'tester', actorType: 'user', correlationId: 'c' }, opened.caseId);
    expect(listed.items.find((d) => d.rule === 'appeal-deadline')).toMatchObject({ status: 'passed' });

    await handled(
      await publish(CaseDatesChangedV1, opened.caseId, 4, {
        caseId: opened.caseId,
        contractId,
        dates: { laInformedDate: '2027-01-04', decisionLetterDate: '2027-01-02' },
        changed: ['decisionLetterDate'],
        changedAt: '2027-02-10T10:05:00Z',
      }),
    );
    expect((await byRule(opened.caseId))['appeal-deadline']).toMatchObject({ status: 'pending', dueAt: new Date('2027-03-02T17:00:00.000Z') });
  });

  it('a reminder rings once, at 09:00 London, to the staff assigned to the case', async () => {
    clock.set('2027-03-04T08:59:54Z'); // Thursday 4 March 2027, 6 s before 09:00 GMT
    const opened = openCase('possession', { hearingDate: '2027-03-09' }, '2027-03-04T08:59:54Z');
    await publish(CaseAssignedV1, opened.caseId, 1, {
      caseId: opened.caseId,
      contractId,
      assignmentId: uuidv7(),
      role: 'mediator',
      staff: { staffId: uuidv7(), name: 'Ada Mediator', email: 'ada@example.test' },
      assignedAt: '2027-03-04T08:59:54Z',
    });
    await opened.publish();
    const deadline = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    expect(deadline.dueAt).toEqual(new Date('2027-03-08T23:59:59.999Z'));
    const reminders = await waitUntil(
      async () => {
        const found = await outbox('scheduling.deadline.due-soon.v1', deadline.id);
        return found.length ? found : undefined;
      },
      { what: 'the reminder', timeoutMs: 30_000 },
    );
    expect(reminders).toEqual([
      expect.objectContaining({
        rule: 'mediation-before-hearing',
        reference: expect.stringMatching(/^REF-/),
        recipients: [{ name: 'Ada Mediator', email: 'ada@example.test' }],
      }),
    ]);
    expect(new Date(reminders[0].remindedAt).getTime()).toBeGreaterThanOrEqual(new Date('2027-03-04T09:00:00Z').getTime());
  });

  it('a case that closes cancels the provider clocks still running', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const opened = openCase('possession', { hearingDate: '2027-03-30' }, '2027-03-02T10:00:00Z');
    await opened.publish();
    await waitUntil(async () => ((await deadlines(opened.caseId)).length === 2 ? true : undefined));
    await milestone(opened.caseId, 'contact.made', '2027-03-03T10:00:00Z');
    await milestone(opened.caseId, 'case.closed', '2027-03-05T10:00:00Z');
    const closed = await waitUntil(
      async () => ((await byRule(opened.caseId))['mediation-before-hearing'].status === 'cancelled' ? byRule(opened.caseId) : undefined),
      { what: 'the cancellation' },
    );
    expect(closed['contact-parties']).toMatchObject({ status: 'met', late: false });
    expect(await outbox('scheduling.deadline.cancelled.v1', closed['mediation-before-hearing'].id)).toEqual([
      {
        deadlineId: closed['mediation-before-hearing'].id,
        caseId: opened.caseId,
        rule: 'mediation-before-hearing',
        kind: 'provider',
        cancelledAt: '2027-03-05T10:00:00.000Z',
        reason: 'case-closed',
      },
    ]);
    // The clock the closure starts is not cancelled by it.
    expect(closed['case-report']).toMatchObject({ status: 'pending' });
    expect((await caseFile(opened.caseId)).status).toBe('closed');
  });

  it('a withdrawn or rejected case (`case.ended`) cancels its provider clocks as a closure does, says so in `scheduling.deadline.cancelled.v1`, and removes their alarms', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const opened = openCase('possession', { hearingDate: '2027-03-30' }, '2027-03-02T10:00:00Z');
    await opened.publish();
    const before = await waitUntil(async () => ((await deadlines(opened.caseId)).length === 2 ? byRule(opened.caseId) : undefined));
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    await waitUntil(async () => queue.getJob(alarmJobId(before['mediation-before-hearing'].id, 1)), { what: 'the alarm' });

    await milestone(opened.caseId, 'case.ended', '2027-03-03T10:00:00Z');
    const ended = await waitUntil(
      async () => (Object.values(await byRule(opened.caseId)).every((d) => d.status === 'cancelled') ? byRule(opened.caseId) : undefined),
      { what: 'the cancellations' },
    );
    expect(Object.keys(ended).sort()).toEqual(['contact-parties', 'mediation-before-hearing']);
    for (const d of Object.values(ended))
      expect(await outbox('scheduling.deadline.cancelled.v1', d.id)).toEqual([
        expect.objectContaining({ rule: d.rule, reason: 'case-ended', cancelledAt: '2027-03-03T10:00:00.000Z' }),
      ]);
    await waitUntil(async () => ((await queue.getJob(alarmJobId(ended['mediation-before-hearing'].id, 1))) ? undefined : true), {
      what: 'the alarm to be removed',
    });
    expect((await caseFile(opened.caseId)).status).toBe('ended');
  });

  it('a clock met while it still waits for its date is met all the same, and `met` says it had no due time', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const opened = openCase('possession', {}, '2027-03-02T10:00:00Z');
    await opened.publish();
    const waiting = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    expect(waiting.status).toBe('awaiting-date');
    await milestone(opened.caseId, 'mediation.held', '2027-03-04T10:00:00Z');
    await waitUntil(async () => ((await byRule(opened.caseId))['mediation-before-hearing'].status === 'met' ? true : undefined), { what: 'the meeting' });
    expect(await outbox('scheduling.deadline.met.v1', waiting.id)).toEqual([
      expect.objectContaining({ rule: 'mediation-before-hearing', dueAt: null, metAt: '2027-03-04T10:00:00.000Z', late: false }),
    ]);
  });

  it('SEND: a family declining mediation cancels the 30-day mediation clock (no mediation to hold, so no breach) and starts the certificate clock', async () => {
    clock.set('2027-01-04T10:00:00Z');
    const opened = openCase('send', { laInformedDate: '2027-01-04', decisionLetterDate: '2026-12-01' }, '2027-01-04T10:00:00Z');
    await opened.publish();
    const mediation = await waitUntil(async () => (await byRule(opened.caseId))['mediation-within-30-days']);
    await milestone(opened.caseId, 'mediation.declined', '2027-01-06T10:00:00Z');
    const rows = await waitUntil(async () => ((await byRule(opened.caseId))['certificate-no-mediation'] ? byRule(opened.caseId) : undefined), {
      what: 'the certificate clock',
    });
    expect(rows['mediation-within-30-days']).toMatchObject({ status: 'cancelled', metAt: null, firedAt: null });
    expect(rows['certificate-no-mediation']).toMatchObject({ status: 'pending', dueAt: new Date('2027-01-11T23:59:59.999Z') });
    expect(await outbox('scheduling.deadline.cancelled.v1', mediation.id)).toEqual([
      expect.objectContaining({ reason: 'stopped-by-event', cancelledAt: '2027-01-06T10:00:00.000Z' }),
    ]);
    // Once its due time has passed, the sweep finds nothing to breach.
    clock.set('2027-02-04T10:00:00Z');
    await engine.app.get(SweepDeadlinesUseCase).execute();
    expect((await byRule(opened.caseId))['mediation-within-30-days'].status).toBe('cancelled');
    expect(await outbox('scheduling.deadline.breached.v1', mediation.id)).toEqual([]);
  });

  it('a reopened case that closes again owes a new case report: the repeating clock starts again once the first is settled, but never twice for one closure', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const opened = openCase('possession', { hearingDate: '2027-03-30' }, '2027-03-02T10:00:00Z');
    await opened.publish();
    await waitUntil(async () => ((await deadlines(opened.caseId)).length === 2 ? true : undefined));
    const reports = async () =>
      (
        await engine.sql.query(
          `SELECT occurrence, status, due_at AS "dueAt" FROM scheduling.deadline WHERE case_id = $1 AND rule = 'case-report' ORDER BY occurrence`,
          [opened.caseId],
        )
      ).rows as { occurrence: number; status: string; dueAt: Date }[];

    const closeId = await milestone(opened.caseId, 'case.closed', '2027-03-05T10:00:00Z', undefined, 3);
    await waitUntil(async () => ((await reports()).length ? true : undefined), { what: 'the first case report clock' });
    await milestone(opened.caseId, 'case.closed', '2027-03-05T10:00:00Z', closeId, 3);
    // A second, distinct closure while the first report is still owed does not add another.
    await handled(await milestone(opened.caseId, 'case.closed', '2027-03-05T11:00:00Z', undefined, 4));
    expect(await reports()).toEqual([{ occurrence: 1, status: 'pending', dueAt: new Date('2027-03-12T23:59:59.999Z') }]);

    await handled(await milestone(opened.caseId, 'report.sent', '2027-03-08T10:00:00Z', undefined, 5));
    await milestone(opened.caseId, 'case.closed', '2027-03-10T10:00:00Z', undefined, 7);
    await waitUntil(async () => ((await reports()).length === 2 ? true : undefined), { what: 'the second case report clock' });
    expect(await reports()).toEqual([
      { occurrence: 1, status: 'met', dueAt: new Date('2027-03-12T23:59:59.999Z') },
      { occurrence: 2, status: 'pending', dueAt: new Date('2027-03-17T23:59:59.999Z') },
    ]);
    // The case's deadlines, as the API and the case report read them, tell the two reports apart.
    const listed = await engine.app
      .get(ListCaseDeadlinesUseCase)
      .execute({ organisationId: org, actorId: 'tester', actorType: 'user', correlationId: 'c' }, opened.caseId);
    expect(listed.items.filter((d) => d.rule === 'case-report').map((d) => ({ occurrence: d.occurrence, status: d.status }))).toEqual([
      { occurrence: 1, status: 'met' },
      { occurrence: 2, status: 'pending' },
    ]);
  });

  it('two quick date changes delivered newest first: the newer hearing date stays in force and the older change is ignored', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const opened = openCase('possession', { hearingDate: '2027-03-30' }, '2027-03-02T10:00:00Z');
    await opened.publish();
    await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    await publish(CaseDatesChangedV1, opened.caseId, 3, {
      caseId: opened.caseId,
      contractId,
      dates: { hearingDate: '2027-03-24' },
      changed: ['hearingDate'],
      changedAt: '2027-03-02T10:00:02Z',
    });
    const older = await publish(CaseDatesChangedV1, opened.caseId, 2, {
      caseId: opened.caseId,
      contractId,
      dates: { hearingDate: '2027-03-20' },
      changed: ['hearingDate'],
      changedAt: '2027-03-02T10:00:01Z',
    });
    await handled(older);
    expect((await byRule(opened.caseId))['mediation-before-hearing']).toMatchObject({
      status: 'pending',
      dueAt: new Date('2027-03-23T23:59:59.999Z'),
      revision: 2,
    });
    expect(await caseFile(opened.caseId)).toMatchObject({ dates: { hearingDate: '2027-03-24' }, datesSequence: 3 });
  });

  it('an alarm that rings a few seconds early rings again at the due time instead of being dropped for the sweep', async () => {
    clock.set('2027-03-08T23:59:52Z'); // 8 s before the end of Monday 8 March, London (GMT)
    const opened = openCase('possession', { hearingDate: '2027-03-09' }, '2027-03-08T23:59:52Z');
    await opened.publish();
    const deadline = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    await waitUntil(async () => queue.getJob(alarmJobId(deadline.id, 1)), { what: 'the alarm' });
    // The same alarm, ringing now: seconds before the due time.
    await queue.remove(alarmJobId(deadline.id, 1));
    await engine.app
      .get(JobsService)
      .add(Jobs.fireDeadline, { deadlineId: deadline.id, organisationId: org, revision: 1 }, { jobId: alarmJobId(deadline.id, 1) });
    const breached = await waitUntil(
      async () =>
        (await byRule(opened.caseId))['mediation-before-hearing'].status === 'breached' ? (await byRule(opened.caseId))['mediation-before-hearing'] : undefined,
      { what: 'the breach', timeoutMs: 30_000 },
    );
    expect(breached.firedAt!.getTime()).toBeGreaterThanOrEqual(new Date('2027-03-08T23:59:59.999Z').getTime());
    expect(breached.firedAt!.getTime() - new Date('2027-03-08T23:59:59.999Z').getTime()).toBeLessThan(3_000);
  });

  it('a reminder whose alarm rings a few seconds early is sent at its time instead of being left to the sweep', async () => {
    clock.set('2027-03-04T08:59:52Z'); // Thursday 4 March 2027, 8 s before the 09:00 reminder of Monday's deadline
    const opened = openCase('possession', { hearingDate: '2027-03-09' }, '2027-03-04T08:59:52Z');
    await opened.publish();
    const deadline = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    await waitUntil(async () => queue.getJob(reminderJobId(deadline.id, 1, 0)), { what: 'the reminder alarm' });
    // The same reminder alarm, ringing now: seconds before its time.
    await queue.remove(reminderJobId(deadline.id, 1, 0));
    await engine.app
      .get(JobsService)
      .add(Jobs.remindDeadline, { deadlineId: deadline.id, organisationId: org, revision: 1, reminder: 0 }, { jobId: reminderJobId(deadline.id, 1, 0) });
    const [reminded] = await waitUntil(
      async () => {
        const found = await outbox('scheduling.deadline.due-soon.v1', deadline.id);
        return found.length ? found : undefined;
      },
      { what: 'the reminder', timeoutMs: 30_000 },
    );
    const late = new Date(reminded.remindedAt).getTime() - new Date('2027-03-04T09:00:00Z').getTime();
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(3_000);
  });

  it('the sweep catches what Redis lost: a reminder whose job vanished is still sent, and the deadline whose alarm vanished is still breached, once', async () => {
    clock.set('2027-03-04T08:00:00Z'); // Thursday 4 March 2027; the 2-working-day reminder of Monday's deadline rings at 09:00 today
    const opened = openCase('possession', { hearingDate: '2027-03-09' }, '2027-03-04T08:00:00Z');
    await opened.publish();
    const deadline = await waitUntil(async () => (await byRule(opened.caseId))['mediation-before-hearing']);
    const queue = engine.app.get(JobsService).queue(QUEUES.deadlines);
    await waitUntil(
      async () => ((await queue.getJob(alarmJobId(deadline.id, 1))) && (await queue.getJob(reminderJobId(deadline.id, 1, 0))) ? true : undefined),
      { what: 'the alarm and the reminder' },
    );
    await queue.remove(alarmJobId(deadline.id, 1));
    await queue.remove(reminderJobId(deadline.id, 1, 0));
    const sweep = engine.app.get(SweepDeadlinesUseCase);

    clock.set('2027-03-04T09:00:30Z');
    await sweep.execute();
    expect(await outbox('scheduling.deadline.due-soon.v1', deadline.id)).toEqual([expect.objectContaining({ rule: 'mediation-before-hearing' })]);
    expect((await byRule(opened.caseId))['mediation-before-hearing'].status).toBe('pending');

    clock.set('2027-03-09T00:00:30Z');
    await sweep.execute();
    await sweep.execute();
    expect((await byRule(opened.caseId))['mediation-before-hearing']).toMatchObject({ status: 'breached' });
    expect(await outbox('scheduling.deadline.breached.v1', deadline.id)).toHaveLength(1);
    expect(await outbox('scheduling.deadline.due-soon.v1', deadline.id)).toHaveLength(1);
  });

  it('the sweeper’s job scheduler lives in Redis; when Redis loses it, the process declares it again', async () => {
    const jobs = engine.app.get(JobsService);
    const queue = jobs.queue(QUEUES.deadlines);
    expect(await queue.getJobScheduler('sweep-deadlines')).toBeTruthy();
    await queue.removeJobScheduler('sweep-deadlines');
    expect(await queue.getJobScheduler('sweep-deadlines')).toBeFalsy();
    await jobs.ensureSchedulers();
    expect(await queue.getJobScheduler('sweep-deadlines')).toMatchObject({ every: 60_000 });
  });
  it('a work queue across cases lists the provider clocks breached on an open case or due by the instant asked, earliest due first: a closed case’s cancelled clocks are not in it but its case report owed is; another contract’s are not', async () => {
    clock.set('2027-03-02T10:00:00Z');
    const open = openCase('possession', { hearingDate: '2027-03-30' }, '2027-03-02T10:00:00Z');
    const closing = openCase('possession', { hearingDate: '2027-03-10' }, '2027-03-02T10:00:00Z');
    await open.publish();
    await closing.publish();
    await waitUntil(async () => ((await deadlines(open.caseId)).length === 2 && (await deadlines(closing.caseId)).length === 2 ? true : undefined));
    await milestone(closing.caseId, 'case.closed', '2027-03-03T10:00:00Z');
    await waitUntil(async () => ((await caseFile(closing.caseId)).status === 'closed' ? true : undefined), { what: 'the closure' });
    // Contact was due by the end of Thursday 4 March: the sweep on Friday breaches it.
    clock.set('2027-03-05T09:00:00Z');
    await engine.app.get(SweepDeadlinesUseCase).execute();
    await waitUntil(async () => ((await byRule(open.caseId))['contact-parties'].status === 'breached' ? true : undefined), { what: 'the breach' });

    const meta: RpcMeta = { organisationId: org, actorId: 'tester', actorType: 'user', correlationId: 'c' };
    const queue = async (dueBefore: string, asked = meta) =>
      (await engine.app.get(ListDeadlinesUseCase).execute(asked, { dueBefore })).items
        .filter((d) => [open.caseId, closing.caseId].includes(d.caseId))
        .map((d) => [d.caseReference, d.rule, d.status]);
    const [reference, closed] = [`REF-${open.caseId.slice(-6)}`, `REF-${closing.caseId.slice(-6)}`];
    // The report owed after Wednesday's closure is due within 5 working days: by the end of Wednesday 10 March.
    expect(await queue('2027-03-09T00:00:00Z')).toEqual([[reference, 'contact-parties', 'breached']]);
    expect(await queue('2027-03-20T00:00:00Z')).toEqual([
      [reference, 'contact-parties', 'breached'],
      [closed, 'case-report', 'pending'],
    ]);
    expect(await queue('2027-03-31T00:00:00Z')).toEqual([
      [reference, 'contact-parties', 'breached'],
      [closed, 'case-report', 'pending'],
      [reference, 'mediation-before-hearing', 'pending'],
    ]);
    expect(await queue('2027-03-31T00:00:00Z', { ...meta, restrictToContracts: [uuidv7()] })).toEqual([]);
  });
});
