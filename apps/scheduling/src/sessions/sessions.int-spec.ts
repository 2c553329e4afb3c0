import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import {
  AccreditationExpiringV1,
  CaseAssignedV1,
  ContractDefinitionSchema,
  ContractPublishedV2,
  PROBLEM_TYPES,
  ReferralFormSchema,
  Rpc,
  uuidv7,
  type ContractDefinitionInput,
  type EventData,
  type EventDefinition,
  type RpcMeta,
} from '@mediation/protocol';
import { FixedClock, problemOf, startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import { Client } from 'pg';
import { CheckAssignmentUseCase } from '../allocation/check-assignment.use-case';
import { RankMediatorsUseCase } from '../allocation/rank-mediators.use-case';
import { AppModule } from '../app.module';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { AddAccreditationUseCase } from '../staff/add-accreditation.use-case';
import { AddAvailabilityExceptionUseCase } from '../staff/add-availability-exception.use-case';
import { CreateStaffUseCase } from '../staff/create-staff.use-case';
import { DeclareConflictUseCase } from '../staff/declare-conflict.use-case';
import { UpdateStaffUseCase } from '../staff/update-staff.use-case';
import { WarnExpiringAccreditationsUseCase } from '../staff/warn-expiring-accreditations.use-case';
import { CreateVenueUseCase } from '../venues/create-venue.use-case';
import { BookSessionUseCase } from './book-session.use-case';
import { CancelSessionUseCase } from './cancel-session.use-case';
import { HoldSessionUseCase } from './hold-session.use-case';
import { ListSessionsUseCase } from './list-sessions.use-case';
import { MarkDidNotAttendUseCase } from './mark-did-not-attend.use-case';
import { MoveSessionUseCase } from './move-session.use-case';
import { RecordActivityUseCase } from '../activities/record-activity.use-case';
import { GetActivityFormUseCase } from '../activities/get-activity-form.use-case';
import { SetActivityFormUseCase } from '../activities/set-activity-form.use-case';
import { JobsService, QUEUES } from '@mediation/jobs';
import { RemindSessionUseCase } from '../session-reminders/remind-session.use-case';
import { SweepSessionRemindersUseCase } from '../session-reminders/sweep-session-reminders.use-case';
import { SessionReminderAlarms, sessionReminderJobId } from './session-reminder-alarms';
import { SessionRepository } from './session.repository';
import { SchedulingDatabase } from '../database/scheduling.database';
import { GetLineSessionRemindersUseCase } from './get-line-session-reminders.use-case';
import { SetLineSessionRemindersUseCase } from './set-line-session-reminders.use-case';

jest.setTimeout(120_000);

const org = uuidv7();
const contractId = uuidv7();
const basis = { kind: 'contractual' as const, text: 'Test clause.', source: { document: 'integration test contract' } };
const week = {
  monday: [{ start: '09:00', end: '17:00' }],
  tuesday: [{ start: '09:00', end: '17:00' }],
  wednesday: [{ start: '09:00', end: '17:00' }],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

const definition: ContractDefinitionInput = {
  reference: 'INT-S',
  title: 'Sessions test contract',
  buyers: [{ name: 'Test Council', role: 'council' }],
  serviceLines: [
    {
      key: 'send',
      name: 'SEND mediation',
      form: { fields: [] },
      sessionTypes: [{ key: 'mediation', label: 'Mediation session', mode: 'either', heldMilestone: 'mediation.held' }],
      outcomes: [{ key: 'agreement', label: 'Agreement', expected: true }],
      londonLivingWage: { required: false },
      sessionNotice: { minWorkingDays: 5, basis },
      dataRetentionMonths: 12,
    },
    {
      key: 'noise',
      name: 'Noise nuisance',
      form: { fields: [] },
      sessionTypes: [{ key: 'home-visit', label: 'Visit', mode: 'in-person', heldMilestone: 'visit.held' }],
      outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
      londonLivingWage: { required: true, basis },
      dataRetentionMonths: 12,
    },
    {
      key: 'pre-cmh',
      name: 'Pre-CMH pilot',
      form: { fields: [] },
      sessionTypes: [
        { key: 'workshop', label: 'Training workshop for professionals', mode: 'either', heldMilestone: 'workshop.delivered' },
        { key: 'drop-in', label: 'Drop-in support session', mode: 'remote', heldMilestone: 'drop-in.held' },
      ],
      outcomes: [{ key: 'held', label: 'Held', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
    {
      key: 'send-checked',
      name: 'SEND mediation with checks',
      form: { fields: [] },
      sessionTypes: [{ key: 'mediation', label: 'Mediation session', mode: 'either', heldMilestone: 'mediation.held' }],
      outcomes: [{ key: 'agreement', label: 'Agreement', expected: true }],
      londonLivingWage: { required: false },
      staffRequirements: {
        accreditations: ['send-mediation', 'dbs-enhanced'],
        basis: { kind: 'guidance', text: 'Independent, accredited SEND mediators.', source: { document: 'SEND Code of Practice', section: '§11.38' } },
      },
      dataRetentionMonths: 12,
    },
  ],
};

describe('staff, sessions and allocation against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let sql: Client;
  const clock = new FixedClock(new Date('2026-12-07T10:00:00Z')); // Monday 7 December 2026, 10:00 London
  const meta: RpcMeta = { organisationId: org, actorId: 'case-manager-1', actorType: 'user', correlationId: 'int-sessions' };
  const sendCase = () => ({ caseId: uuidv7(), contractId, serviceLine: 'send', contractVersion: 1 });

  beforeAll(async () => {
    service = await startServiceContext({ database: 'sessions', namespace: 's', module: () => AppModule.register(loadSchedulingConfig()), clock });
    ({ app, sql } = service);
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    // Intake as the contract book asks it: it holds no contract beyond the one published here.
    for (const rpc of [Rpc.intake.getContract, Rpc.intake.getContractVersion]) {
      nc.subscribe(service.ns.names.rpc(rpc.subject), {
        queue: 'intake',
        callback: (_error, msg) => void msg.respond(JSON.stringify({ ok: false, problem: { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 } })),
      });
    }
    await publish(ContractPublishedV2, contractId, 1, {
      contractId,
      version: 1,
      status: 'active',
      template: null,
      definition: ContractDefinitionSchema.parse(definition),
    });
    await waitUntil(
      async () => ((await sql.query(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).rowCount ? true : undefined),
      { what: 'the contract projection' },
    );
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
  });

  async function publish<D extends EventDefinition>(def: D, subject: string, sequence: number, data: EventData<D>): Promise<void> {
    const id = uuidv7();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/services/test',
      type: def.type,
      subject,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: org,
      contractid: contractId,
      sequence,
      correlationid: `int-${id}`,
    };
    await jetstream(nc).publish(service.ns.names.event(org, def.type), JSON.stringify(envelope), { msgID: id });
  }

  const mediator = (name: string, extra: Record<string, unknown> = {}) =>
    app.get(CreateStaffUseCase).execute(meta, {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@provider.example`,
      serviceLines: [{ contractId, serviceLine: 'send' }],
      skills: ['send'],
      languages: ['en'],
      payRatePence: 2500,
      maxCaseload: 3,
      status: 'active',
      weeklyAvailability: week,
      ...extra,
    });
  const booking = (staffIds: string[], startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) => ({
    sessionType: 'mediation',
    mode: 'video' as const,
    startsAt,
    endsAt,
    staffIds,
    parties: [{ name: 'Ms A', role: 'parent' }],
    ...extra,
  });
  const outbox = async (type: string, subject: string) =>
    (
      await sql.query(`SELECT envelope FROM scheduling.outbox WHERE envelope->>'type' = $1 AND envelope->>'subject' = $2 ORDER BY position`, [type, subject])
    ).rows.map((r) => r.envelope.data);

  it('two people booking the same mediator into overlapping times at the same moment: exactly one wins', async () => {
    const m = await mediator('Concurrent Mediator');
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], `2026-12-16T1${i % 3}:00:00Z`, `2026-12-16T1${(i % 3) + 2}:30:00Z`)),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const refused of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected'))
      expect(refused.reason).toMatchObject({ problem: { status: 409 } });
    expect((await sql.query(`SELECT count(*)::int AS n FROM scheduling.session_booking WHERE resource_id = $1`, [m.id])).rows[0].n).toBe(1);
  });

  it('PostgreSQL itself refuses the second of two overlapping bookings, even when the code’s check was passed by both', async () => {
    const [a, b] = [new Client({ connectionString: service.db.url }), new Client({ connectionString: service.db.url })];
    await Promise.all([a.connect(), b.connect()]);
    // Two sessions of the service's login, each set to the organisation as the service's transactions are.
    for (const c of [a, b]) await c.query(`SELECT set_config('app.organisation_id', $1, false)`, [org]);
    try {
      const resource = uuidv7();
      const session = async (c: Client) => {
        const id = uuidv7();
        await c.query(
          `INSERT INTO scheduling.case_session (id, organisation_id, case_id, contract_id, service_line, session_type, session_type_label, mode, starts_at, ends_at, staff_ids, parties, status, notice_given_days, booked_at, booked_by) VALUES ($1, $2, $3, $4, 'send', 'mediation', 'Mediation', 'video', '2026-12-17T10:00Z', '2026-12-17T12:00Z', ARRAY[$5]::uuid[], '[]', 'booked', 5, now(), 'test')`,
          [id, org, uuidv7(), contractId, resource],
        );
        return id;
      };
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`INSERT INTO scheduling.session_booking VALUES ($1, $2, $3, 'staff', '2026-12-17T10:00Z', '2026-12-17T12:00Z')`, [
        await session(a),
        resource,
        org,
      ]);
      const second = b.query(`INSERT INTO scheduling.session_booking VALUES ($1, $2, $3, 'staff', '2026-12-17T11:00Z', '2026-12-17T13:00Z')`, [
        await session(b),
        resource,
        org,
      ]);
      await a.query('COMMIT');
      await expect(second).rejects.toMatchObject({ code: '23P01', constraint: 'session_booking_no_double_booking' });
      await b.query('ROLLBACK');
      // Back to back is not a clash: a session may start the minute another ends.
      await b.query(`INSERT INTO scheduling.session_booking VALUES ($1, $2, $3, 'staff', '2026-12-17T12:00Z', '2026-12-17T13:00Z')`, [
        await session(b),
        resource,
        org,
      ]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('a SEND mediation booked with 4 working days’ notice is refused naming the rule, unless the parent waived it', async () => {
    const m = await mediator('Notice Mediator');
    clock.at = new Date('2026-12-08T10:00:00Z'); // Tuesday
    const tooSoon = booking([m.id], '2026-12-14T10:00:00Z', '2026-12-14T12:00:00Z'); // Monday next: Wed, Thu, Fri, Mon
    const refused = await problemOf(app.get(BookSessionUseCase).execute(meta, sendCase(), tooSoon));
    expect(refused).toMatchObject({ status: 422, errors: [{ field: 'startsAt', code: 'session-notice' }] });
    expect(refused.detail).toContain('at least 5 working days');
    const waived = await app
      .get(BookSessionUseCase)
      .execute(meta, sendCase(), { ...tooSoon, noticeWaived: { by: 'Ms A (parent)', reason: 'asked for the earliest date' } });
    expect(waived.notice).toEqual({ requiredWorkingDays: 5, givenWorkingDays: 4, waived: { by: 'Ms A (parent)', reason: 'asked for the earliest date' } });
    clock.at = new Date('2026-12-07T10:00:00Z');
  });

  it('a held mediation tells the deadline engine `mediation.held`, and billing its time and the mediator’s pay terms; a cancelled one frees the mediator', async () => {
    const m = await mediator('Held Mediator', { sessionFeePence: 6_000 });
    const file = sendCase();
    const first = await app.get(BookSessionUseCase).execute(meta, file, booking([m.id], '2026-12-21T10:00:00Z', '2026-12-21T12:00:00Z'));
    expect(await outbox('scheduling.session.booked.v1', first.id)).toEqual([
      expect.objectContaining({ caseId: file.caseId, noticeWorkingDays: 10, attendees: { staffIds: [m.id], partyNames: ['Ms A'] } }),
    ]);
    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-21T11:00:00Z', '2026-12-21T13:00:00Z'))),
    ).toMatchObject({ status: 409 });
    await app.get(CancelSessionUseCase).execute(meta, first.id, 'parent unwell');
    const second = await app.get(BookSessionUseCase).execute(meta, file, booking([m.id], '2026-12-21T11:00:00Z', '2026-12-21T13:00:00Z'));
    clock.at = new Date('2026-12-21T14:00:00Z');
    const held = await app.get(HoldSessionUseCase).execute(meta, second.id);
    clock.at = new Date('2026-12-07T10:00:00Z');
    expect(held.status).toBe('held');
    expect(await outbox('scheduling.session.held.v1', second.id)).toEqual([
      expect.objectContaining({ milestone: 'mediation.held', heldAt: '2026-12-21T11:00:00.000Z', sessionType: 'mediation' }),
    ]);
    expect(await outbox('scheduling.session.staff-worked.v1', second.id)).toEqual([
      expect.objectContaining({
        startsAt: '2026-12-21T11:00:00.000Z',
        endsAt: '2026-12-21T13:00:00.000Z',
        staff: [{ staffId: m.id, name: 'Held Mediator', payRatePence: 2500, sessionFeePence: 6_000 }],
      }),
    ]);
    expect(await outbox('scheduling.session.cancelled.v1', first.id)).toEqual([expect.objectContaining({ reason: 'parent unwell' })]);
  });

  it('a session that already took place (a case entered late) is booked and held in one step: no notice rule nor weekly slots, not before the case began, over by now; double booking still refused', async () => {
    const m = await mediator('Past Mediator');
    const file = { ...sendCase(), beganAt: '2026-11-20T00:00:00.000Z' };
    // Thursday 3 December: no Thursday slot, and two working days before "now" (Monday 7 December).
    const past = booking([m.id], '2026-12-03T14:00:00Z', '2026-12-03T15:00:00Z', { held: true });
    expect(await problemOf(app.get(BookSessionUseCase).execute(meta, file, { ...past, held: undefined }))).toMatchObject({
      status: 400,
      errors: [{ field: 'startsAt', message: expect.stringContaining('held: true') }],
    });
    const held = await app.get(BookSessionUseCase).execute(meta, file, past);
    expect(held).toMatchObject({
      status: 'held',
      heldAt: '2026-12-03T14:00:00.000Z',
      notice: { requiredWorkingDays: null, givenWorkingDays: 0, waived: null },
    });
    expect(await outbox('scheduling.session.booked.v1', held.id)).toHaveLength(1);
    expect(await outbox('scheduling.session.held.v1', held.id)).toEqual([
      expect.objectContaining({ caseId: file.caseId, milestone: 'mediation.held', heldAt: '2026-12-03T14:00:00.000Z' }),
    ]);
    expect(await outbox('scheduling.session.staff-worked.v1', held.id)).toEqual([
      expect.objectContaining({ staff: [expect.objectContaining({ staffId: m.id, payRatePence: 2500, sessionFeePence: null })] }),
    ]);

    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, file, booking([m.id], '2026-11-19T14:00:00Z', '2026-11-19T15:00:00Z', { held: true }))),
    ).toMatchObject({ status: 400, errors: [{ field: 'startsAt', code: 'before_case' }] });
    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, file, booking([m.id], '2026-12-07T09:30:00Z', '2026-12-07T10:30:00Z', { held: true }))),
    ).toMatchObject({ status: 400, errors: [{ field: 'endsAt', code: 'in_future' }] });
    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, file, booking([m.id], '2026-12-03T14:30:00Z', '2026-12-03T15:30:00Z', { held: true }))),
    ).toMatchObject({ status: 409, detail: expect.stringContaining('Double booking') });
  });

  it('did-not-attend is refused before the start and recorded after it; a session already moved on is refused naming its status', async () => {
    const m = await mediator('Missed Mediator');
    const session = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-23T10:00:00Z', '2026-12-23T12:00:00Z'));
    expect(await problemOf(app.get(MarkDidNotAttendUseCase).execute(meta, session.id, 'no show'))).toMatchObject({
      status: 409,
      detail: expect.stringContaining('nobody can have missed it yet'),
    });
    clock.at = new Date('2026-12-23T13:00:00Z');
    try {
      expect((await app.get(MarkDidNotAttendUseCase).execute(meta, session.id, 'no show')).status).toBe('did-not-attend');
      expect(await problemOf(app.get(HoldSessionUseCase).execute(meta, session.id))).toMatchObject({
        status: 409,
        detail: 'The session is did-not-attend, not booked; only a booked session can be recorded as held.',
      });
      expect(await problemOf(app.get(MarkDidNotAttendUseCase).execute(meta, session.id, 'again'))).toMatchObject({
        status: 409,
        detail: 'The session is did-not-attend, not booked.',
      });
    } finally {
      clock.at = new Date('2026-12-07T10:00:00Z');
    }
    expect(await outbox('scheduling.session.did-not-attend.v1', session.id)).toEqual([
      expect.objectContaining({ reason: 'no show', recordedAt: '2026-12-23T13:00:00.000Z', sessionType: 'mediation' }),
    ]);
    expect(await problemOf(app.get(CancelSessionUseCase).execute(meta, uuidv7(), 'never booked'))).toMatchObject({ status: 404 });
  });

  it('a venue is not double booked either, and a remote-only or unknown kind is refused naming the field', async () => {
    const venue = await app.get(CreateVenueUseCase).execute(meta, {
      name: 'Civic Centre, Room 2',
      address: { line1: '1 High St', town: 'Townsville', postcode: 'AB1 2CD' },
      accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: true, parking: false },
    });
    const [m1, m2] = [await mediator('Venue One'), await mediator('Venue Two')];
    await app
      .get(BookSessionUseCase)
      .execute(meta, sendCase(), booking([m1.id], '2026-12-22T10:00:00Z', '2026-12-22T12:00:00Z', { mode: 'in-person', venueId: venue.id }));
    expect(
      await problemOf(
        app
          .get(BookSessionUseCase)
          .execute(meta, sendCase(), booking([m2.id], '2026-12-22T11:00:00Z', '2026-12-22T12:00:00Z', { mode: 'in-person', venueId: venue.id })),
      ),
    ).toMatchObject({ status: 409, detail: expect.stringContaining('the venue') });
    expect(
      await problemOf(
        app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m2.id], '2026-12-22T11:00:00Z', '2026-12-22T12:00:00Z', { sessionType: 'home-visit' })),
      ),
    ).toMatchObject({ status: 400, errors: [{ field: 'sessionType' }] });
  });

  it('a calendar lists one mediator’s or one venue’s sessions starting in the week asked, earliest first, cancelled ones shown as such; another organisation sees none', async () => {
    const venue = await app.get(CreateVenueUseCase).execute(meta, {
      name: 'Calendar House',
      address: { line1: '2 High St', town: 'Townsville', postcode: 'AB1 2CE' },
      accessibility: { stepFree: true, hearingLoop: false, accessibleToilet: true, parking: true },
    });
    const [m1, m2] = [await mediator('Calendar One'), await mediator('Calendar Two')];
    const book = (staffId: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) =>
      app.get(BookSessionUseCase).execute(meta, sendCase(), booking([staffId], startsAt, endsAt, extra));
    const wednesday = await book(m1.id, '2026-12-16T14:00:00Z', '2026-12-16T15:00:00Z');
    const tuesday = await book(m1.id, '2026-12-15T10:00:00Z', '2026-12-15T11:00:00Z', { mode: 'in-person', venueId: venue.id });
    const atVenue = await book(m2.id, '2026-12-15T13:00:00Z', '2026-12-15T14:00:00Z', { mode: 'in-person', venueId: venue.id });
    await book(m1.id, '2026-12-22T10:00:00Z', '2026-12-22T11:00:00Z'); // the week after
    await app.get(CancelSessionUseCase).execute(meta, wednesday.id, 'Parent unwell');
    const week = { from: '2026-12-14T00:00:00Z', to: '2026-12-21T00:00:00Z' };
    const list = (query: Record<string, string>, asked = meta) => app.get(ListSessionsUseCase).execute(asked, { ...week, ...query });

    expect((await list({ staffId: m1.id })).items.map((s) => [s.id, s.status])).toEqual([
      [tuesday.id, 'booked'],
      [wednesday.id, 'cancelled'],
    ]);
    expect((await list({ venueId: venue.id })).items.map((s) => s.id)).toEqual([tuesday.id, atVenue.id]);
    expect((await list({ staffId: m2.id, venueId: venue.id })).items.map((s) => s.id)).toEqual([atVenue.id]);
    expect((await list({ staffId: m1.id }, { ...meta, organisationId: uuidv7() })).items).toEqual([]);
  });

  it('a mediator is booked only inside the slots they offer, or an extra slot recorded for the day', async () => {
    const m = await mediator('Sessional Mediator');
    const thursday = booking([m.id], '2026-12-17T14:00:00Z', '2026-12-17T15:00:00Z'); // no Thursday slots
    expect(await problemOf(app.get(BookSessionUseCase).execute(meta, sendCase(), thursday))).toMatchObject({
      status: 409,
      detail: expect.stringContaining('Not available then: Sessional Mediator'),
    });
    await app
      .get(AddAvailabilityExceptionUseCase)
      .execute(meta, m.id, { date: '2026-12-17', kind: 'extra', start: '13:00', end: '16:00', reason: 'agreed by phone' });
    expect((await app.get(BookSessionUseCase).execute(meta, sendCase(), thursday)).status).toBe('booked');
  });

  it('pay below the London Living Wage is refused for a line that requires it', async () => {
    const refused = await problemOf(
      mediator('Low Pay', { email: 'low.pay@provider.example', serviceLines: [{ contractId, serviceLine: 'noise' }], payRatePence: 1400 }),
    );
    expect(refused).toMatchObject({ status: 422, errors: [{ field: 'payRatePence', code: 'london-living-wage' }] });
    const unknownLine = await problemOf(mediator('Nowhere', { serviceLines: [{ contractId: uuidv7(), serviceLine: 'noise' }] }));
    expect(unknownLine).toMatchObject({ status: 400, errors: [{ field: 'serviceLines.0.serviceLine' }] });
  });

  it('a mediator whose DBS check expired yesterday is not offered nor bookable; a conflicted or full one is not offered; the rest are ranked', async () => {
    const file = sendCase();
    const expired = await mediator('Expired Dbs');
    await app.get(AddAccreditationUseCase).execute(meta, expired.id, { kind: 'dbs-enhanced', issuedAt: '2023-12-06', expiresAt: '2026-12-06' });
    const conflicted = await mediator('Conflicted Mediator');
    await app.get(DeclareConflictUseCase).execute(meta, conflicted.id, { partyName: 'Riverside Academy', reason: 'governor there until 2025' });
    const full = await mediator('Full Mediator', { maxCaseload: 1 });
    await publish(CaseAssignedV1, file.caseId, 2, {
      caseId: uuidv7(),
      contractId,
      assignmentId: uuidv7(),
      role: 'mediator',
      staff: { staffId: full.id, name: full.name, email: full.email },
      assignedAt: '2026-12-01T10:00:00Z',
    });
    await waitUntil(async () => ((await sql.query(`SELECT 1 FROM scheduling.case_assignment WHERE staff_id = $1`, [full.id])).rowCount ? true : undefined), {
      what: 'the assignment',
    });
    const welsh = await mediator('Welsh Speaker', { languages: ['en', 'cy'] });
    expect(welsh.languages).toEqual(['en', 'cy']);

    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, file, booking([expired.id], '2026-12-23T10:00:00Z', '2026-12-23T11:00:00Z'))),
    ).toMatchObject({ status: 409, detail: expect.stringContaining('Enhanced DBS check expired on 2026-12-06') });

    const ranked = await app.get(RankMediatorsUseCase).execute(meta, file, { language: 'cy', parties: ['riverside academy'], skills: ['send'], days: 14 });
    const excluded = Object.fromEntries(ranked.excluded.map((e) => [e.name, e.reasons]));
    expect(excluded['Expired Dbs']).toEqual(['Enhanced DBS check expired on 2026-12-06']);
    expect(excluded['Conflicted Mediator']).toEqual(['conflict of interest with Riverside Academy: governor there until 2025']);
    expect(excluded['Full Mediator']).toEqual(['caseload full (1 of 1 cases)']);
    expect(ranked.candidates[0]).toMatchObject({ name: 'Welsh Speaker', breakdown: { skills: 30, language: 20, availability: 25, caseload: 25 } });
    expect(ranked.candidates.map((c) => c.name)).not.toContain('Expired Dbs');
  });

  it('a pay cut below the London Living Wage is refused once the person works on a line that requires it; a day off shows and counts', async () => {
    const m = await mediator('Changing Mediator', { payRatePence: 1500 });
    const moved = await app.get(UpdateStaffUseCase).execute(meta, m.id, { serviceLines: [{ contractId, serviceLine: 'noise' }], skills: ['housing'] });
    expect(moved.livingWage).toEqual([expect.objectContaining({ serviceLine: 'noise', required: true, meets: true, ratePence: 1480 })]);
    expect(await problemOf(app.get(UpdateStaffUseCase).execute(meta, m.id, { payRatePence: 1450 }))).toMatchObject({
      status: 422,
      errors: [{ field: 'payRatePence' }],
    });

    const noiseCase = { caseId: uuidv7(), contractId, serviceLine: 'noise', contractVersion: 1 };
    const before = (await app.get(RankMediatorsUseCase).execute(meta, noiseCase, { days: 7 })).candidates.find((c) => c.staffId === m.id)!;
    const withDayOff = await app.get(AddAvailabilityExceptionUseCase).execute(meta, m.id, { date: '2026-12-09', kind: 'off', reason: 'annual leave' });
    expect(withDayOff.availabilityExceptions).toEqual([expect.objectContaining({ date: '2026-12-09', kind: 'off', start: null, reason: 'annual leave' })]);
    const after = (await app.get(RankMediatorsUseCase).execute(meta, noiseCase, { days: 7 })).candidates.find((c) => c.staffId === m.id)!;
    expect(before.freeHours - after.freeHours).toBe(8);
  });

  it('the daily job warns once of a check expiring within 30 days, and once when it has expired', async () => {
    const m = await mediator('Expiring Soon');
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'fmc-accreditation', issuedAt: '2024-01-01', expiresAt: '2026-12-31' });
    await app.get(WarnExpiringAccreditationsUseCase).execute();
    await app.get(WarnExpiringAccreditationsUseCase).execute();
    expect(await outbox('scheduling.staff.accreditation-expiring.v1', m.id)).toEqual([
      expect.objectContaining({ kind: 'fmc-accreditation', expiresAt: '2026-12-31', daysLeft: 24, email: 'expiring.soon@provider.example' }),
    ]);
    clock.at = new Date('2027-01-01T10:00:00Z');
    await app.get(WarnExpiringAccreditationsUseCase).execute();
    clock.at = new Date('2026-12-07T10:00:00Z');
    expect((await outbox('scheduling.staff.accreditation-expiring.v1', m.id)).map((d) => d.daysLeft)).toEqual([24, -1]);
  });

  it('booking refuses a mediator conflicted with a party of the case, even one not attending, or one not on the case’s line, naming the staff id and why', async () => {
    const conflicted = await mediator('Booked Conflicted', { email: 'booked.conflicted@provider.example' });
    await app.get(DeclareConflictUseCase).execute(meta, conflicted.id, { partyName: 'Riverside Academy', reason: 'governor there until 2025' });
    const slotOf = booking([conflicted.id], '2026-12-15T10:00:00Z', '2026-12-15T11:00:00Z');
    const refused = await problemOf(app.get(BookSessionUseCase).execute(meta, sendCase(), slotOf, ['Ms A', 'riverside  academy']));
    expect(refused).toMatchObject({
      status: 409,
      type: 'https://mediation.example/problems/staff-not-eligible',
      errors: [{ field: 'staffIds.0', code: 'conflict-of-interest' }],
    });
    expect(refused.detail).toContain(`staff ${conflicted.id} (Booked Conflicted): conflict of interest with Riverside Academy: governor there until 2025`);
    // Conflicts declared against the case itself count too; without either, the same booking goes through.
    const byCase = sendCase();
    const other = await mediator('Case Conflicted');
    await app.get(DeclareConflictUseCase).execute(meta, other.id, { caseId: byCase.caseId, reason: 'neighbour of the family' });
    expect(
      await problemOf(app.get(BookSessionUseCase).execute(meta, byCase, booking([other.id], '2026-12-15T10:00:00Z', '2026-12-15T11:00:00Z'))),
    ).toMatchObject({ errors: [{ field: 'staffIds.0', code: 'conflict-of-interest', message: expect.stringContaining(other.id) }] });
    expect((await app.get(BookSessionUseCase).execute(meta, sendCase(), slotOf, ['Ms A'])).status).toBe('booked');

    const housingOnly = await mediator('Housing Only', { serviceLines: [{ contractId, serviceLine: 'noise' }], skills: ['housing'] });
    const offLine = await problemOf(
      app.get(BookSessionUseCase).execute(meta, sendCase(), booking([housingOnly.id], '2026-12-16T10:00:00Z', '2026-12-16T11:00:00Z')),
    );
    expect(offLine).toMatchObject({
      status: 409,
      errors: [{ field: 'staffIds.0', code: 'not-on-line', message: `staff ${housingOnly.id}: does not work on SEND mediation` }],
    });
  });

  it('a DBS check lapsing before the session day blocks that booking but not an earlier one, and allocation warns of it', async () => {
    const m = await mediator('Lapsing Dbs');
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'dbs-enhanced', issuedAt: '2023-12-20', expiresAt: '2026-12-20' });
    const late = await problemOf(app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-22T10:00:00Z', '2026-12-22T11:00:00Z')));
    expect(late).toMatchObject({ status: 409, errors: [{ field: 'staffIds.0', code: 'accreditation-expired' }] });
    expect(late.detail).toContain('Enhanced DBS check expires on 2026-12-20, before the session on 2026-12-22');
    expect((await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-14T14:00:00Z', '2026-12-14T15:00:00Z'))).status).toBe(
      'booked',
    );

    const ranked = await app.get(RankMediatorsUseCase).execute(meta, sendCase(), { days: 14 });
    expect(ranked.candidates.find((c) => c.staffId === m.id)?.warnings).toEqual([
      {
        code: 'accreditation-expiring',
        message: 'Enhanced DBS check expires on 2026-12-20 (in 13 days); sessions after then cannot be booked until it is renewed',
      },
    ]);
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'dbs-enhanced', issuedAt: '2026-12-01', expiresAt: '2029-12-01' });
    expect((await app.get(RankMediatorsUseCase).execute(meta, sendCase(), { days: 14 })).candidates.find((c) => c.staffId === m.id)?.warnings).toEqual([]);
    expect((await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-22T10:00:00Z', '2026-12-22T11:00:00Z'))).status).toBe(
      'booked',
    );
  });

  it('a line that requires a SEND accreditation and a DBS check excludes and refuses those without one in date, saying which', async () => {
    const checked = { caseId: uuidv7(), contractId, serviceLine: 'send-checked', contractVersion: 1 };
    const m = await mediator('Needs Checks', { serviceLines: [{ contractId, serviceLine: 'send-checked' }] });
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'dbs-enhanced', issuedAt: '2026-01-01', expiresAt: '2029-01-01' });
    const missing = 'holds no SEND mediation accreditation, which SEND mediation with checks requires (SEND Code of Practice, §11.38)';
    expect((await app.get(RankMediatorsUseCase).execute(meta, checked, { days: 14 })).excluded.find((e) => e.staffId === m.id)?.reasons).toEqual([missing]);
    expect(await problemOf(app.get(BookSessionUseCase).execute(meta, checked, booking([m.id], '2026-12-16T14:00:00Z', '2026-12-16T15:00:00Z')))).toMatchObject({
      status: 409,
      errors: [{ field: 'staffIds.0', code: 'accreditation-missing', message: `staff ${m.id}: ${missing}` }],
    });

    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'send-mediation', issuedAt: '2025-06-01', expiresAt: null });
    expect((await app.get(RankMediatorsUseCase).execute(meta, checked, { days: 14 })).candidates.map((c) => c.staffId)).toContain(m.id);
    expect((await app.get(BookSessionUseCase).execute(meta, checked, booking([m.id], '2026-12-16T14:00:00Z', '2026-12-16T15:00:00Z'))).status).toBe('booked');
  });

  it('assignment applies the same hard rules: a case manager without the line’s DBS check, or conflicted with a party, is refused naming staffId; an eligible one is given back', async () => {
    const checked = { caseId: uuidv7(), contractId, serviceLine: 'send-checked', contractVersion: 1 };
    const m = await mediator('Unchecked Manager', { serviceLines: [{ contractId, serviceLine: 'send-checked' }] });
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'send-mediation', issuedAt: '2025-06-01', expiresAt: null });
    expect(await problemOf(app.get(CheckAssignmentUseCase).execute(meta, checked, m.id, []))).toMatchObject({
      status: 409,
      title: 'Staff cannot be assigned',
      errors: [{ field: 'staffId', code: 'accreditation-missing' }],
    });
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'dbs-enhanced', issuedAt: '2026-01-01', expiresAt: '2029-01-01' });
    expect(await app.get(CheckAssignmentUseCase).execute(meta, checked, m.id, ['Ms A'])).toMatchObject({ id: m.id, name: 'Unchecked Manager' });
    await app.get(DeclareConflictUseCase).execute(meta, m.id, { partyName: 'Ms A', reason: 'Her neighbour' });
    expect(await problemOf(app.get(CheckAssignmentUseCase).execute(meta, checked, m.id, ['ms  a']))).toMatchObject({
      status: 409,
      errors: [{ field: 'staffId', code: 'conflict-of-interest' }],
    });
    expect(await problemOf(app.get(CheckAssignmentUseCase).execute(meta, checked, uuidv7(), []))).toMatchObject({ status: 404 });
  });

  it('the London Living Wage is the rate in force on the session’s date: a new rate warns from its announcement and blocks only from its implementation date', async () => {
    clock.at = new Date('2026-04-20T09:00:00Z'); // Monday 20 April 2026: £13.85 in force, £14.80 announced, payable from 1 May
    try {
      const m = await mediator('Current Rate', { serviceLines: [{ contractId, serviceLine: 'noise' }], skills: ['housing'], payRatePence: 1400 });
      expect(m.livingWage).toEqual([
        expect.objectContaining({
          required: true,
          meets: true,
          ratePence: 1385,
          rateSince: '2025-05-01',
          upcoming: { ratePence: 1480, announcedOn: '2025-10-22', payableFrom: '2026-05-01', meets: false },
        }),
      ]);
      const noiseCase = () => ({ caseId: uuidv7(), contractId, serviceLine: 'noise', contractVersion: 1 });
      const visit = (startsAt: string, endsAt: string) =>
        booking([m.id], startsAt, endsAt, { sessionType: 'home-visit', mode: 'in-person', location: 'the resident’s home' });

      const ranked = await app.get(RankMediatorsUseCase).execute(meta, noiseCase(), { days: 7 });
      expect(ranked.candidates.find((c) => c.staffId === m.id)?.warnings).toEqual([
        expect.objectContaining({ code: 'london-living-wage-rising', message: expect.stringContaining('rises to £14.80/h from 2026-05-01') }),
      ]);
      expect((await app.get(BookSessionUseCase).execute(meta, noiseCase(), visit('2026-04-28T09:00:00Z', '2026-04-28T10:00:00Z'))).status).toBe('booked');
      const afterRise = await problemOf(app.get(BookSessionUseCase).execute(meta, noiseCase(), visit('2026-05-05T09:00:00Z', '2026-05-05T10:00:00Z')));
      expect(afterRise).toMatchObject({ status: 409, errors: [{ field: 'staffIds.0', code: 'london-living-wage' }] });
      expect(afterRise.detail).toContain('below the London Living Wage of £14.80/h (payable since 2026-05-01)');
    } finally {
      clock.at = new Date('2026-12-07T10:00:00Z');
    }
  });

  it('the daily job takes every due row in one run, batch after batch, and does not warn of a check a renewal has superseded', async () => {
    const m = await mediator('Many Checks');
    for (const [kind, expiresAt] of [
      ['fmc-accreditation', '2026-12-28'],
      ['cmc-accreditation', '2026-12-29'],
      ['send-mediation', '2026-12-30'],
    ] as const) {
      await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind, issuedAt: '2024-01-01', expiresAt });
    }
    const renewed = await mediator('Renewed Dbs');
    await app.get(AddAccreditationUseCase).execute(meta, renewed.id, { kind: 'dbs-enhanced', issuedAt: '2023-12-20', expiresAt: '2026-12-21' });
    await app.get(AddAccreditationUseCase).execute(meta, renewed.id, { kind: 'dbs-enhanced', issuedAt: '2026-12-01', expiresAt: '2029-12-01' });

    await app.get(WarnExpiringAccreditationsUseCase).execute(1);
    expect((await outbox(AccreditationExpiringV1.type, m.id)).map((d) => d.kind).sort()).toEqual(['cmc-accreditation', 'fmc-accreditation', 'send-mediation']);
    expect(await outbox(AccreditationExpiringV1.type, renewed.id)).toEqual([]);
    // The superseded check is marked, so tomorrow's run does not look at it again.
    expect(
      (
        await sql.query(
          `SELECT count(*)::int AS n FROM scheduling.staff_accreditation WHERE staff_id = $1 AND expiring_warned_at IS NULL AND expires_on < '2027-01-06'`,
          [renewed.id],
        )
      ).rows[0].n,
    ).toBe(0);
  });
  it('moving a session re-checks the booking’s staff rules for the new time: a day past the mediator’s DBS expiry, or outside their slots, is refused naming the field and nothing moves', async () => {
    const m = await mediator('Moving Lapsing Dbs');
    await app.get(AddAccreditationUseCase).execute(meta, m.id, { kind: 'dbs-enhanced', issuedAt: '2023-12-20', expiresAt: '2026-12-20' });
    const booked = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-14T14:00:00Z', '2026-12-14T15:00:00Z'));
    const lapsed = await problemOf(app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2026-12-22T10:00:00Z', endsAt: '2026-12-22T11:00:00Z' }));
    expect(lapsed).toMatchObject({ status: 409, errors: [{ field: 'staffIds.0', code: 'accreditation-expired' }] });
    expect(lapsed.detail).toContain('Enhanced DBS check expires on 2026-12-20, before the session on 2026-12-22');
    // Thursday: outside the Monday-to-Wednesday slots they offer.
    const away = await problemOf(app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2026-12-17T10:00:00Z', endsAt: '2026-12-17T11:00:00Z' }));
    expect(away).toMatchObject({ status: 409, detail: expect.stringContaining('Not available then: Moving Lapsing Dbs') });
    expect((await outbox('scheduling.session.arrangements.v1', booked.id)).map((n) => n.change)).toEqual(['booked']);
    const moved = await app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2026-12-16T10:00:00Z', endsAt: '2026-12-16T11:00:00Z' });
    expect(moved.startsAt).toBe('2026-12-16T10:00:00.000Z');
  });

  it('a remote mediation booked, moved and cancelled tells everyone attending each time: one calendar entry, SEQUENCE 0, 1, 2, with the video link', async () => {
    const m = await mediator('Video Mediator');
    const file = sendCase();
    const booked = await app
      .get(BookSessionUseCase)
      .execute(meta, file, booking([m.id], '2026-12-22T10:00:00Z', '2026-12-22T12:00:00Z', { videoLink: 'https://meet.example/send-abc' }));
    expect(booked.videoLink).toBe('https://meet.example/send-abc');
    // The move is checked like a booking: notice from today, and nobody double booked.
    const other = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2027-01-05T10:00:00Z', '2027-01-05T12:00:00Z'));
    expect(
      await problemOf(app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2027-01-05T11:00:00Z', endsAt: '2027-01-05T13:00:00Z' })),
    ).toMatchObject({ status: 409 });
    expect(
      await problemOf(app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2026-12-09T10:00:00Z', endsAt: '2026-12-09T12:00:00Z' })),
    ).toMatchObject({ status: 422, errors: [{ field: 'startsAt', code: 'session-notice' }] });
    const moved = await app.get(MoveSessionUseCase).execute(meta, booked.id, { startsAt: '2026-12-23T10:00:00Z', endsAt: '2026-12-23T12:00:00Z' });
    expect(moved.startsAt).toBe('2026-12-23T10:00:00.000Z');
    await app.get(CancelSessionUseCase).execute(meta, booked.id, 'agreement reached before the day');
    const notices = await outbox('scheduling.session.arrangements.v1', booked.id);
    expect(notices.map((n) => [n.change, n.sequence, n.startsAt])).toEqual([
      ['booked', 0, '2026-12-22T10:00:00.000Z'],
      ['moved', 1, '2026-12-23T10:00:00.000Z'],
      ['cancelled', 2, '2026-12-23T10:00:00.000Z'],
    ]);
    expect(notices[0]).toMatchObject({
      caseId: file.caseId,
      mode: 'video',
      videoLink: 'https://meet.example/send-abc',
      place: null,
      staff: [{ staffId: m.id, name: 'Video Mediator', email: 'video.mediator@provider.example' }],
      partyNames: ['Ms A'],
    });
    expect(notices[1].previousStartsAt).toBe('2026-12-22T10:00:00.000Z');
    expect(notices[2].reason).toBe('agreement reached before the day');
    // The moved session's old slot is free again; the cancelled one frees the mediator altogether.
    await app.get(CancelSessionUseCase).execute(meta, other.id, 'tidy up');
    expect((await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-23T10:00:00Z', '2026-12-23T12:00:00Z'))).status).toBe(
      'booked',
    );
  });

  it('an in-person session at a venue tells the parties its address and accessibility', async () => {
    const m = await mediator('Venue Notice Mediator');
    const venue = await app.get(CreateVenueUseCase).execute(meta, {
      name: 'Civic Centre, Room 2',
      address: { line1: '1 High Street', town: 'Exampleton', postcode: 'EX1 1AA' },
      accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: false, parking: false, notes: 'Lift to the first floor; ring the bell' },
    });
    const s = await app
      .get(BookSessionUseCase)
      .execute(meta, sendCase(), booking([m.id], '2026-12-29T10:00:00Z', '2026-12-29T12:00:00Z', { mode: 'in-person', venueId: venue.id }));
    expect((await outbox('scheduling.session.arrangements.v1', s.id))[0].place).toEqual({
      name: 'Civic Centre, Room 2',
      address: ['1 High Street', 'Exampleton', 'EX1 1AA'],
      accessibility: ['Step-free access', 'Hearing loop', 'Lift to the first floor; ring the bell'],
    });
  });
  it('reminders go 2 working days before and on the morning, once each, by alarm or by the sweep; never for a session moved since or cancelled', async () => {
    const m = await mediator('Reminded Mediator');
    const waived = { noticeWaived: { by: 'Ms A (parent)', reason: 'wanted it soon' } };
    // Wednesday 16 December 2026 at 10:00 London: reminders on Monday 14 at 09:00 and Wednesday 16 at 08:00.
    const s = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-16T10:00:00Z', '2026-12-16T12:00:00Z', waived));
    const queue = app.get(JobsService).queue(QUEUES.sessions);
    const alarm = await waitUntil(async () => (await queue.getJob(sessionReminderJobId(s.id, 0, 0))) ?? undefined, { what: 'the reminder alarm' });
    expect(alarm.opts.delay).toBe(new Date('2026-12-14T09:00:00Z').getTime() - clock.at.getTime());
    const remind = (sequence: number, reminder: number, id = s.id) => app.get(RemindSessionUseCase).execute(org, id, sequence, reminder);
    try {
      clock.at = new Date('2026-12-14T08:59:00Z');
      expect(await remind(0, 0)).toBe('not-yet');
      clock.at = new Date('2026-12-14T09:00:01Z');
      expect(await remind(0, 0)).toBe('reminded');
      expect(await remind(0, 0)).toBe('already-sent');
      // The morning reminder's alarm never rang: the sweep sends it, once.
      clock.at = new Date('2026-12-16T08:01:00Z');
      expect(await app.get(SweepSessionRemindersUseCase).execute()).toBeGreaterThanOrEqual(1);
      expect(await remind(0, 1)).toBe('already-sent');
      const reminders = (await outbox('scheduling.session.arrangements.v1', s.id)).filter((n) => n.change === 'reminder');
      expect(reminders.map((n) => [n.reminder, n.sequence, n.staff[0].email])).toEqual([
        [0, 0, 'reminded.mediator@provider.example'],
        [1, 0, 'reminded.mediator@provider.example'],
      ]);
      // Past its start, nothing more.
      clock.at = new Date('2026-12-16T10:00:01Z');
      expect(await remind(0, 1)).toBe('passed');

      clock.at = new Date('2026-12-07T10:00:00Z');
      const moving = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-15T10:00:00Z', '2026-12-15T12:00:00Z', waived));
      await app.get(MoveSessionUseCase).execute(meta, moving.id, { startsAt: '2026-12-21T10:00:00Z', endsAt: '2026-12-21T12:00:00Z', ...waived });
      const cancelled = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-14T13:00:00Z', '2026-12-14T15:00:00Z', waived));
      await app.get(CancelSessionUseCase).execute(meta, cancelled.id, 'withdrawn');
      clock.at = new Date('2026-12-11T09:00:01Z');
      // The alarm set for the first date finds another version of the session; the moved one reminds of the new date.
      expect(await remind(0, 0, moving.id)).toBe('stale');
      expect(await remind(0, 0, cancelled.id)).toBe('not-booked');
      clock.at = new Date('2026-12-17T09:00:01Z');
      expect(await remind(1, 0, moving.id)).toBe('reminded');
      expect(
        (await outbox('scheduling.session.arrangements.v1', moving.id)).filter((n) => n.change === 'reminder').map((n) => [n.sequence, n.startsAt]),
      ).toEqual([[1, '2026-12-21T10:00:00.000Z']]);
    } finally {
      clock.at = new Date('2026-12-07T10:00:00Z');
    }
  });
  it('a pre-CMH workshop with 14 attendees for one local authority is recorded outside any case and published as workshop.delivered', async () => {
    const facilitator = await mediator('Workshop Facilitator');
    const activity = {
      serviceLine: 'pre-cmh',
      activityType: 'workshop',
      deliveredAt: '2026-12-04T10:00:00Z',
      place: 'online',
      facilitatorIds: [facilitator.id],
      servedOrganisation: 'Kent County Council',
      attendance: [
        { attendeeType: 'social-worker', count: 9 },
        { attendeeType: 'cafcass-guardian', count: 5 },
      ],
      namedAttendees: [],
      namesConsented: false,
      answers: {},
    };
    const recorded = await app.get(RecordActivityUseCase).execute(meta, contractId, activity);
    expect(recorded).toMatchObject({ activityLabel: 'Training workshop for professionals', milestone: 'workshop.delivered', totalAttendees: 14 });
    expect(await outbox('scheduling.activity.delivered.v1', recorded.id)).toEqual([
      {
        activityId: recorded.id,
        contractId,
        serviceLine: 'pre-cmh',
        activityType: 'workshop',
        milestone: 'workshop.delivered',
        deliveredAt: '2026-12-04T10:00:00.000Z',
        servedOrganisationKey: 'kent-county-council',
        attendance: activity.attendance,
        totalAttendees: 14,
      },
    ]);
    // A type the line does not have, a facilitator of no one's, or a date to come are refused naming the field.
    expect(await problemOf(app.get(RecordActivityUseCase).execute(meta, contractId, { ...activity, activityType: 'mediation' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'activityType' }],
    });
    expect(await problemOf(app.get(RecordActivityUseCase).execute(meta, contractId, { ...activity, facilitatorIds: [uuidv7()] }))).toMatchObject({
      status: 400,
      errors: [{ field: 'facilitatorIds.0' }],
    });
    expect(await problemOf(app.get(RecordActivityUseCase).execute(meta, contractId, { ...activity, deliveredAt: '2026-12-08T10:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'deliveredAt' }],
    });
  });
  it('an activity type may have its own form: a workshop’s answers are checked against it, a wrong or missing one refused naming answers.<field>', async () => {
    const facilitator = await mediator('Form Facilitator');
    const ref = { contractId, serviceLine: 'pre-cmh', activityType: 'workshop' };
    expect(await app.get(GetActivityFormUseCase).execute(meta, ref)).toMatchObject({ fields: [], updatedAt: null });
    const form = await app.get(SetActivityFormUseCase).execute(meta, ref, {
      fields: ReferralFormSchema.parse({
        fields: [
          {
            key: 'topic',
            label: 'Topic',
            type: 'select',
            required: true,
            options: [
              { value: 'pre-cmh-meeting', label: 'The pre-CMH meeting' },
              { value: 'data-returns', label: 'Data returns' },
            ],
          },
          { key: 'usefulness', label: 'How useful (1-5)', type: 'number', min: 1, max: 5 },
        ],
      }).fields,
    });
    expect(form.fields.map((f) => f.key)).toEqual(['topic', 'usefulness']);
    expect(await problemOf(app.get(SetActivityFormUseCase).execute(meta, { ...ref, activityType: 'mediation' }, { fields: [] }))).toMatchObject({
      status: 400,
      errors: [{ field: 'activityType' }],
    });
    const workshop = {
      serviceLine: 'pre-cmh',
      activityType: 'workshop',
      deliveredAt: '2026-12-03T10:00:00Z',
      place: 'Maidstone',
      facilitatorIds: [facilitator.id],
      servedOrganisation: 'Kent County Council',
      attendance: [{ attendeeType: 'social-worker', count: 12 }],
      namedAttendees: [],
      namesConsented: false,
    };
    const record = (answers: Record<string, unknown>) => app.get(RecordActivityUseCase).execute(meta, contractId, { ...workshop, answers });
    expect(await problemOf(record({ usefulness: 4 }))).toMatchObject({ status: 400, errors: [{ field: 'answers.topic' }] });
    expect(await problemOf(record({ topic: 'knitting' }))).toMatchObject({ status: 400, errors: [{ field: 'answers.topic' }] });
    expect(await problemOf(record({ topic: 'data-returns', usefulness: 9 }))).toMatchObject({ status: 400, errors: [{ field: 'answers.usefulness' }] });
    expect(await problemOf(record({ topic: 'data-returns', colour: 'blue' }))).toMatchObject({ status: 400, errors: [{ field: 'answers.colour' }] });
    expect(await record({ topic: 'data-returns', usefulness: 5 })).toMatchObject({ answers: { topic: 'data-returns', usefulness: 5 }, totalAttendees: 12 });
    // A type without a form takes no answers.
    expect(
      await problemOf(app.get(RecordActivityUseCase).execute(meta, contractId, { ...workshop, activityType: 'drop-in', answers: { topic: 'x' } })),
    ).toMatchObject({
      status: 400,
      errors: [{ field: 'answers.topic' }],
    });
  });
  it('a line may set its own reminder times: 10:00 three working days before and 17:00 the day before; the alarms use them (the reminder job and the sweep read the same times)', async () => {
    const line = { contractId, serviceLine: 'send' };
    expect(await app.get(GetLineSessionRemindersUseCase).execute(meta, line.contractId, line.serviceLine)).toMatchObject({
      custom: false,
      reminders: [
        { workingDaysBefore: 2, at: '09:00' },
        { workingDaysBefore: 0, at: '08:00' },
      ],
    });
    const reminders = [
      { workingDaysBefore: 3, at: '10:00' },
      { workingDaysBefore: 1, at: '17:00' },
    ];
    try {
      expect(await app.get(SetLineSessionRemindersUseCase).execute(meta, line.contractId, line.serviceLine, { reminders })).toMatchObject({
        custom: true,
        reminders,
      });
      expect(await problemOf(app.get(SetLineSessionRemindersUseCase).execute(meta, line.contractId, 'no-such-line', { reminders }))).toMatchObject({
        status: 404,
      });
      const m = await mediator('Own Times Mediator');
      // Tuesday 22 December 2026, 10:00 London: three working days before is Thursday 17th, one is Monday 21st.
      const booked = await app.get(BookSessionUseCase).execute(meta, sendCase(), booking([m.id], '2026-12-22T10:00:00Z', '2026-12-22T11:00:00Z'));
      const times = await app
        .get(SchedulingDatabase)
        .forTenant(org, async (tx) => app.get(SessionReminderAlarms).times(tx, (await app.get(SessionRepository).find(tx, org, booked.id))!));
      expect(times.map((t) => [t.reminder, t.at.toISOString()])).toEqual([
        [0, '2026-12-17T10:00:00.000Z'],
        [1, '2026-12-21T17:00:00.000Z'],
      ]);
    } finally {
      await app.get(SetLineSessionRemindersUseCase).execute(meta, line.contractId, line.serviceLine, {
        reminders: [
          { workingDaysBefore: 2, at: '09:00' },
          { workingDaysBefore: 0, at: '08:00' },
        ],
      });
    }
  });
});
