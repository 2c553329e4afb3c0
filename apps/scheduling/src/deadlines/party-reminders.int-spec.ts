import { calendarFor } from '@mediation/calendar';
import { EventPublisher, type HandlerContext, type MessagingOptions } from '@mediation/messaging';
import type { JobsService } from '@mediation/jobs';
import { DeadlineRuleSchema, uuidv7, type DeadlineRule } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { SchedulingDatabase } from '../database/scheduling.database';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents } from './deadline-events';
import { DeadlineRepository } from './deadline.repository';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';
import { StartDeadlinesUseCase } from './start-deadlines.use-case';

jest.setTimeout(60_000);

const org = uuidv7();
const basis = { kind: 'legal' as const, text: 'HESC Rules 2008 r.20', source: { document: 'copied from the SEND template' } };

/** The SEND template's appeal deadline, its party reminders included (apps/intake/src/templates/send.template.ts). */
const appeal: DeadlineRule = DeadlineRuleSchema.parse({
  key: 'appeal-deadline',
  label: 'The family’s deadline to appeal to the SEND Tribunal',
  kind: 'informational',
  startEvent: 'certificate.issued',
  stopEvent: 'appeal.lodged',
  due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
  reminders: [
    { days: 10, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
    { days: 2, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
  ],
  basis,
});
/** A provider clock whose reminder is for the staff, as every reminder was before audiences. */
const certificate: DeadlineRule = DeadlineRuleSchema.parse({
  key: 'certificate-after-mediation',
  label: 'Certificate after mediation',
  startEvent: 'certificate.issued',
  stopEvent: 'report.sent',
  due: { kind: 'working-days', days: 10 },
  reminders: [{ days: 2 }],
  basis,
});

describe('scheduling: the family’s SEND appeal deadline, though informational, reminds the parties', () => {
  let db: TestDatabase;
  let scheduling: SchedulingDatabase;
  const jobs: { name: string; jobId: string; delay: number }[] = [];
  const clock = new FixedClock(new Date('2027-02-01T12:00:00Z'));
  const events = new EventPublisher({ service: 'scheduling', schema: 'scheduling', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
  const afterCommit: (() => Promise<unknown>)[] = [];
  const context: HandlerContext = { afterCommit: (action) => void afterCommit.push(action) };
  const caseId = uuidv7();

  const dueSoon = async () =>
    (
      await scheduling.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
        `SELECT envelope FROM scheduling.outbox WHERE envelope->>'type' = 'scheduling.deadline.due-soon.v1' ORDER BY position`,
      )
    ).map((r) => r.envelope.data);

  beforeAll(async () => {
    db = await createTestDatabase('partyreminders');
    scheduling = new SchedulingDatabase(db.url);
    const files = new CaseFileRepository();
    const alarm = new DeadlineAlarm(
      {
        add: async (def: { name: string }, _data: unknown, options: { jobId: string; delay: number }) =>
          void jobs.push({ name: def.name, jobId: options.jobId, delay: options.delay }),
      } as unknown as JobsService,
      clock,
    );
    const start = new StartDeadlinesUseCase(new DeadlineRepository(scheduling), alarm, new DeadlineEvents(events));
    // Certificate issued on Monday 1 February 2027, the decision letter dated 4 January: due the later of 4 March and 1 March, 17:00.
    const certifiedAt = new Date('2027-02-01T12:00:00Z');
    await scheduling.run(
      async (tx) => {
        await tx.caseFile.create({
          data: {
            caseId,
            organisationId: org,
            contractId: uuidv7(),
            contractVersion: 1,
            serviceLine: 'send',
            reference: 'REF-2027-000901',
            receivedAt: certifiedAt,
            clockStartsAt: certifiedAt,
            openedAt: certifiedAt,
            dates: { decisionLetterDate: '2027-01-04' },
          },
        });
        await files.addAssignment(tx, {
          assignmentId: uuidv7(),
          organisationId: org,
          caseId,
          staffId: uuidv7(),
          role: 'case-manager',
          name: 'Sam Adviser',
          email: 'sam.adviser@provider.example',
          assignedAt: certifiedAt,
        });
        const file = await files.find(tx, org, caseId);
        await start.execute(
          tx,
          file!,
          { rules: [appeal, certificate], calendar: calendarFor() },
          { event: 'certificate.issued', at: () => certifiedAt },
          { correlationId: 'c' },
          context,
        );
      },
      { organisationId: org },
    );
    for (const action of afterCommit) await action();
  });

  afterAll(async () => {
    await scheduling?.$disconnect();
    await db?.drop();
  });

  it('its two reminders are set as alarms, but no breach alarm, as the family’s deadline is never breached against the provider', async () => {
    const [row] = await scheduling.run((tx) => tx.deadline.findMany({ where: { caseId, rule: 'appeal-deadline' } }), { organisationId: org });
    expect(row.dueAt?.toISOString()).toBe('2027-03-04T17:00:00.000Z');
    expect(row.remindersAt.map((d) => d.toISOString())).toEqual(['2027-02-18T09:00:00.000Z', '2027-03-02T09:00:00.000Z']);
    expect(row.reminderRules).toEqual([0, 1]);
    const own = jobs.filter((j) => j.jobId.includes(row.id));
    expect(own.map((j) => j.name).sort()).toEqual(['remind-deadline', 'remind-deadline']);
  });

  it('when the reminder rings, due-soon says it is for the family (parent or young person) and names no staff; again it rings no more', async () => {
    const [row] = await scheduling.run((tx) => tx.deadline.findMany({ where: { caseId, rule: 'appeal-deadline' } }), { organisationId: org });
    const remind = new RemindDeadlineUseCase(
      scheduling,
      new DeadlineRepository(scheduling),
      new CaseFileRepository(),
      events,
      new FixedClock(new Date('2027-02-18T09:00:01Z')),
    );
    expect(await remind.execute(org, row.id, row.revision, 0)).toBe('reminded');
    expect(await remind.execute(org, row.id, row.revision, 0)).toBe('settled');
    expect(await dueSoon()).toEqual([
      expect.objectContaining({
        deadlineId: row.id,
        rule: 'appeal-deadline',
        dueAt: '2027-03-04T17:00:00.000Z',
        reference: 'REF-2027-000901',
        audience: ['parties'],
        partyRoles: ['parent', 'young-person'],
        recipients: [],
        revision: row.revision,
        reminder: 0,
      }),
    ]);
  });

  it('a reminder without an audience still goes to the staff assigned, as before', async () => {
    const [row] = await scheduling.run((tx) => tx.deadline.findMany({ where: { caseId, rule: 'certificate-after-mediation' } }), { organisationId: org });
    const remind = new RemindDeadlineUseCase(
      scheduling,
      new DeadlineRepository(scheduling),
      new CaseFileRepository(),
      events,
      new FixedClock(row.remindersAt[0]),
    );
    expect(await remind.execute(org, row.id, row.revision, 0)).toBe('reminded');
    expect((await dueSoon())[1]).toMatchObject({
      rule: 'certificate-after-mediation',
      audience: ['assigned-staff'],
      recipients: [{ name: 'Sam Adviser', email: 'sam.adviser@provider.example' }],
    });
  });

  it('a reminder whose day has gone by when it would ring (a certificate entered weeks late) is skipped, never sent late, and not tried again', async () => {
    const [row] = await scheduling.run((tx) => tx.deadline.findMany({ where: { caseId, rule: 'appeal-deadline' } }), { organisationId: org });
    // The second reminder was due on Tuesday 2 March at 09:00; its alarm rings only on Wednesday 3 March, the day before the deadline.
    const remind = new RemindDeadlineUseCase(
      scheduling,
      new DeadlineRepository(scheduling),
      new CaseFileRepository(),
      events,
      new FixedClock(new Date('2027-03-03T10:00:00Z')),
    );
    expect(await remind.execute(org, row.id, row.revision, 1)).toBe('skipped');
    expect(await remind.execute(org, row.id, row.revision, 1)).toBe('settled');
    expect((await dueSoon()).filter((d) => d.deadlineId === row.id)).toHaveLength(1);
    expect(await new DeadlineRepository(scheduling).findMissedReminders(org, new Date('2027-03-03T10:00:00Z'), 10)).toEqual([]);
  });
});
