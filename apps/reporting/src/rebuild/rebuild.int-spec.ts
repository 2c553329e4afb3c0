import type { INestApplicationContext } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ContractBook } from '@mediation/contract-book';
import { ContractDefinitionSchema, SubjectNames, uuidv7, type KpiReport, type RpcMeta } from '@mediation/protocol';
import { startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import { GetKpisUseCase } from '../kpis/get-kpis.use-case';
import { main } from '../ops/reporting-cli';
import { READ_MODEL_TABLES, rebuildReadModel } from './read-model-rebuild';

jest.setTimeout(120_000);

/** The events published before the first rebuild: twelve November cases' (4 each, 2 reopenings, 1 multi-agency) and the October ones' 19. */
const EVENTS = 12 * 4 + 2 + 1 + 19 + 4 + 1;

const basis = { kind: 'contractual', text: 'seed 001 §10.5', source: { document: 'seeds/001', section: '§10.5' } };
const kpi = (key: string, measure: object, comparator: string, value: number) => ({
  key,
  label: key,
  measure,
  target: { comparator, value, unit: 'percent' },
  period: 'monthly',
  basis,
});
const HOUSING = ContractDefinitionSchema.parse({
  reference: 'HSG',
  title: 'Housing mediation services',
  buyers: [{ name: 'The Council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise',
      form: { fields: [] },
      outcomes: [
        { key: 'good-neighbour-agreement', label: 'Agreement', expected: true },
        { key: 'closed-other', label: 'Other', expected: false },
      ],
      deadlineRules: [
        { key: 'first-visit', label: 'Visit', startEvent: 'referral.received', stopEvent: 'visit.held', due: { kind: 'calendar-days', days: 14 }, basis },
      ],
      kpis: [
        kpi('visit-within-2-weeks', { kind: 'deadline-met-rate', deadlineRule: 'first-visit' }, 'gte', 100),
        kpi('expected-outcome', { kind: 'expected-outcome-rate' }, 'gte', 90),
        kpi('multi-agency-at-3-months', { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 }, 'lt', 10),
        kpi('reopened-within-12-months', { kind: 'reopened-rate', withinMonths: 12 }, 'lte', 5),
      ],
      closureDays: [],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
});

describe('npm run cli -- reporting rebuild: the KPI read model replayed from the stream gives the live model’s figures', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  const organisationId = uuidv7();
  const contractId = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:ops', actorType: 'user', correlationId: 'rebuild' };
  const sequences = new Map<string, number>();
  const publish = async (type: string, subject: string, data: object) => {
    const names = new SubjectNames(service.ns.namespace);
    const sequence = (sequences.get(subject) ?? 0) + 1;
    sequences.set(subject, sequence);
    const envelope = {
      specversion: '1.0',
      id: uuidv7(),
      source: '/test',
      type,
      subject,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: organisationId,
      contractid: contractId,
      sequence,
      correlationid: 'rebuild',
    };
    await jetstream(nc).publish(names.event(organisationId, type), JSON.stringify(envelope), { msgID: envelope.id });
  };
  const kpis = async (period: string) =>
    Object.fromEntries(
      ((await app.get(GetKpisUseCase).execute(meta, { contractId, period })) as KpiReport).kpis.map((k) => [k.key, [k.numerator, k.denominator]]),
    );

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_rebuild', namespace: 'rr', module: () => AppModule.register(loadReportingConfig()) });
    ({ app } = service);
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    await app
      .get(ReportingDatabase)
      .run((tx) => app.get(ContractBook).record(tx, { organisationId, contractId, version: 1, status: 'active', template: null, definition: HOUSING }), {
        organisationId,
      });
    // Twelve cases in November: every other one closed with an expected outcome, one in three visited on time, two reopened, one with multi-agency.
    for (let i = 1; i <= 12; i++) {
      const caseId = uuidv7();
      const day = String(i + 1).padStart(2, '0');
      const openedAt = `2026-08-${day}T10:00:00.000Z`;
      await publish('casework.case.opened.v2', caseId, {
        caseId,
        referralId: uuidv7(),
        reference: `HSG-${i}`,
        contractId,
        serviceLine: 'noise',
        openedAt,
        contractVersion: 1,
        receivedAt: openedAt,
        clockStartsAt: openedAt,
        dates: {},
      });
      const deadline = { deadlineId: uuidv7(), caseId, rule: 'first-visit', dueAt: `2026-11-${day}T23:59:59.000Z` };
      await publish('scheduling.deadline.set.v1', deadline.deadlineId, { ...deadline, basis: 'x', startedAt: openedAt, kind: 'provider' });
      if (i % 3 === 0) await publish('scheduling.deadline.met.v1', deadline.deadlineId, { ...deadline, metAt: `2026-11-${day}T10:00:00.000Z`, late: false });
      else await publish('scheduling.deadline.breached.v1', deadline.deadlineId, { ...deadline, breachedAt: `2026-11-${day}T23:59:59.000Z` });
      const closedAt = `2026-11-${day}T12:00:00.000Z`;
      await publish('casework.case.closed.v1', caseId, {
        caseId,
        contractId,
        serviceLine: 'noise',
        reference: `HSG-${i}`,
        outcome: i % 2 ? 'good-neighbour-agreement' : 'closed-other',
        outcomeExpected: i % 2 === 1,
        closedAt,
        timesReopened: 0,
      });
      if (i <= 2)
        await publish('casework.case.reopened.v1', caseId, {
          caseId,
          contractId,
          previouslyClosedAt: closedAt,
          reopenedAt: `2026-11-${day}T15:00:00.000Z`,
          countsAsReopened: true,
          reason: 'again',
        });
      if (i === 5)
        await publish('casework.multi-agency.recorded.v1', caseId, {
          caseId,
          contractId,
          involvementId: uuidv7(),
          agencyCount: 1,
          from: '2026-10-01',
          to: null,
          recordedAt: '2026-10-01T10:00:00.000Z',
        });
    }
    // Every other fact the read model keeps, on two October cases: a deadline rescheduled, breached and the breach
    // taken back; one cancelled; an informational one; multi-agency periods recorded and ended (one ended before its
    // recording arrives); a milestone; a survey answer; a case ended without an outcome; a complaint.
    const [x, y] = [uuidv7(), uuidv7()];
    for (const [caseId, reference] of [
      [x, 'HSG-X'],
      [y, 'HSG-Y'],
    ])
      await publish('casework.case.opened.v2', caseId, {
        caseId,
        referralId: uuidv7(),
        reference,
        contractId,
        serviceLine: 'noise',
        openedAt: '2026-09-01T10:00:00.000Z',
        contractVersion: 1,
        receivedAt: '2026-09-01T09:00:00.000Z',
        clockStartsAt: '2026-09-01T09:00:00.000Z',
        dates: {},
      });
    const moved = { deadlineId: uuidv7(), caseId: x, rule: 'first-visit', dueAt: '2026-10-10T22:59:59.000Z' };
    await publish('scheduling.deadline.set.v1', moved.deadlineId, { ...moved, basis: 'x', startedAt: '2026-09-01T09:00:00.000Z', kind: 'provider' });
    const later = { ...moved, dueAt: '2026-10-12T22:59:59.000Z' };
    await publish('scheduling.deadline.rescheduled.v1', moved.deadlineId, { ...later, previousDueAt: moved.dueAt, reason: 'visitDate' });
    await publish('scheduling.deadline.breached.v1', moved.deadlineId, { ...later, breachedAt: '2026-10-12T22:59:59.000Z' });
    await publish('scheduling.deadline.breach-corrected.v1', moved.deadlineId, {
      ...later,
      breachedAt: '2026-10-12T22:59:59.000Z',
      now: 'met',
      occurredAt: '2026-10-12T10:00:00.000Z',
    });
    const dropped = { deadlineId: uuidv7(), caseId: x, rule: 'first-visit', dueAt: '2026-10-20T22:59:59.000Z' };
    await publish('scheduling.deadline.set.v1', dropped.deadlineId, { ...dropped, basis: 'x', startedAt: '2026-09-01T09:00:00.000Z' });
    await publish('scheduling.deadline.cancelled.v1', dropped.deadlineId, {
      deadlineId: dropped.deadlineId,
      caseId: x,
      rule: 'first-visit',
      kind: 'provider',
      cancelledAt: '2026-10-05T10:00:00.000Z',
      reason: 'stopped-by-event',
    });
    const appeal = { deadlineId: uuidv7(), caseId: x, rule: 'appeal', dueAt: '2026-11-30T23:59:59.000Z' };
    await publish('scheduling.deadline.set.v1', appeal.deadlineId, { ...appeal, basis: 'x', startedAt: '2026-09-01T09:00:00.000Z', kind: 'informational' });
    const [ended, endedFirst] = [uuidv7(), uuidv7()];
    await publish('casework.multi-agency.recorded.v1', x, {
      caseId: x,
      contractId,
      involvementId: ended,
      agencyCount: 2,
      from: '2026-09-10',
      to: null,
      recordedAt: '2026-09-10T10:00:00.000Z',
    });
    await publish('casework.multi-agency.updated.v1', x, {
      caseId: x,
      contractId,
      involvementId: ended,
      from: '2026-09-10',
      to: '2026-10-01',
      updatedAt: '2026-10-01T10:00:00.000Z',
    });
    await publish('casework.multi-agency.updated.v1', y, {
      caseId: y,
      contractId,
      involvementId: endedFirst,
      from: '2026-09-11',
      to: '2026-09-20',
      updatedAt: '2026-09-20T10:00:00.000Z',
    });
    await publish('casework.multi-agency.recorded.v1', y, {
      caseId: y,
      contractId,
      involvementId: endedFirst,
      agencyCount: 1,
      from: '2026-09-11',
      to: null,
      recordedAt: '2026-09-21T10:00:00.000Z',
    });
    await publish('casework.case.milestone.v1', x, {
      caseId: x,
      contractId,
      milestone: 'contact.made',
      occurredAt: '2026-09-02T10:00:00.000Z',
      recordedAt: '2026-09-02T11:00:00.000Z',
      source: 'status:contacted',
    });
    await publish('casework.survey.answered.v1', x, {
      caseId: x,
      contractId,
      invitationId: uuidv7(),
      answeredAt: '2026-10-20T10:00:00.000Z',
      scores: { satisfaction: 4 },
      flags: { wouldRecommend: true },
    });
    await publish('casework.case.ended.v1', y, { caseId: y, contractId, status: 'withdrawn', endedAt: '2026-10-02T10:00:00.000Z' });
    // A complaint: its acknowledgement (with the final response date) published before its receipt (with the provisional one).
    const complaint = { caseId: x, contractId, complaintId: uuidv7(), receivedAt: '2026-10-05T10:00:00.000Z' };
    await publish('casework.complaint.acknowledged.v1', complaint.complaintId, {
      ...complaint,
      acknowledgedAt: '2026-10-07T10:00:00.000Z',
      acknowledgedLate: false,
      respondBy: '2026-11-04T23:59:59.999Z',
    });
    await publish('casework.complaint.received.v1', complaint.complaintId, {
      ...complaint,
      byParty: true,
      acknowledgeBy: '2026-10-12T22:59:59.999Z',
      respondBy: '2026-11-09T23:59:59.999Z',
    });
    await publish('casework.complaint.resolved.v1', complaint.complaintId, { ...complaint, finding: 'not-upheld', resolvedAt: '2026-10-30T10:00:00.000Z' });
    // The programme outside cases: an authority joins, a workshop serves it, one month's return arrives late and the next goes missing.
    const authority = { localAuthorityId: uuidv7(), contractId, authorityKey: 'kent-county-council', name: 'Kent County Council' };
    await publish('scheduling.local-authority.onboarded.v1', authority.localAuthorityId, { ...authority, onboardedOn: '2026-09-01' });
    await publish('scheduling.activity.delivered.v1', uuidv7(), {
      activityId: uuidv7(),
      contractId,
      serviceLine: 'pre-cmh-meeting',
      activityType: 'workshop',
      milestone: 'workshop.delivered',
      deliveredAt: '2026-11-03T10:00:00.000Z',
      servedOrganisationKey: 'kent-county-council',
      attendance: [{ attendeeType: 'social-worker', count: 14 }],
      totalAttendees: 14,
    });
    await publish('scheduling.data-return.received.v1', authority.localAuthorityId, {
      ...authority,
      period: '2026-09',
      dueOn: '2026-10-14',
      receivedOn: '2026-10-16',
      late: true,
    });
    await publish('scheduling.data-return.missing.v1', authority.localAuthorityId, {
      ...authority,
      period: '2026-10',
      dueOn: '2026-11-13',
      missingAt: '2026-11-14T08:00:00.000Z',
      contact: null,
    });
    // Spend beside the KPIs: one of billing's ledger entries.
    const entryId = uuidv7();
    await publish('billing.ledger.entry-recorded.v1', entryId, {
      entryId,
      contractId,
      serviceLine: 'asb-mediation',
      kind: 'case',
      amountPence: 135_000,
      occurredAt: '2026-11-05T10:00:00.000Z',
    });
  });

  /** Every row of every fact table, in a stable order: what the rebuild must give back exactly. */
  const everyFact = async () => {
    const rows: Record<string, unknown[]> = {};
    for (const table of READ_MODEL_TABLES) rows[table] = (await service.sql.query(`SELECT * FROM reporting.${table} ORDER BY 1, 2`)).rows;
    return rows;
  };

  afterAll(async () => {
    await nc?.close();
    await service?.close();
  });

  it('the live consumers reach the figures; after the live tables are damaged, the rebuild restores exactly them, swapped in while the service runs', async () => {
    const expected = {
      'visit-within-2-weeks': [4, 12],
      'expected-outcome': [6, 12],
      'multi-agency-at-3-months': [1, 12],
      'reopened-within-12-months': [2, 12],
    };
    await waitUntil(async () => JSON.stringify(await kpis('2026-11')) === JSON.stringify(expected), { what: 'the live consumers’ figures', timeoutMs: 30_000 });
    const everyFactLive = async () => {
      const rows = await everyFact();
      const deadline = rows.kpi_deadline as { corrected_to: string | null; cancelled_at: Date | null; rule: string }[];
      const done =
        deadline.some((d) => d.corrected_to === 'met') &&
        deadline.some((d) => d.cancelled_at) &&
        deadline.some((d) => d.rule === 'appeal') &&
        (rows.kpi_multi_agency as { to_day: Date | null }[]).filter((p) => p.to_day).length === 2 &&
        rows.kpi_milestone.length === 1 &&
        rows.kpi_survey_answer.length === 1 &&
        rows.kpi_case_end.length === 1 &&
        (rows.kpi_complaint as { acknowledge_by: Date | null; acknowledged_at: Date | null; resolved_at: Date | null }[]).some(
          (c) => c.acknowledge_by && c.acknowledged_at && c.resolved_at,
        ) &&
        rows.kpi_local_authority.length === 1 &&
        rows.kpi_activity.length === 1 &&
        rows.kpi_data_return.length === 2 &&
        rows.spend_entry.length === 1;
      return done ? rows : null;
    };
    await waitUntil(async () => (await everyFactLive()) !== null, { what: 'every fact from the live consumers', timeoutMs: 30_000 });
    const live = await everyFact();
    // Every table has something to rebuild, the programme's included.
    expect(
      Object.entries(live)
        .filter(([, rows]) => rows.length === 0)
        .map(([table]) => table),
    ).toEqual([]);
    // The acknowledgement's response date stands, though the receipt (with its provisional one) arrived after it.
    expect((live.kpi_complaint[0] as { respond_by: Date }).respond_by.toISOString()).toBe('2026-11-04T23:59:59.999Z');
    const october = await kpis('2026-10');
    expect(october['visit-within-2-weeks']).toEqual([1, 1]);
    await service.sql.query('DELETE FROM reporting.kpi_closure');
    await service.sql.query('DELETE FROM reporting.kpi_survey_answer');
    await service.sql.query('DELETE FROM reporting.kpi_complaint');
    await service.sql.query('UPDATE reporting.kpi_deadline SET met_at = NULL, corrected_to = NULL');
    expect(await kpis('2026-11')).not.toEqual(expected);

    const progress: number[] = [];
    const result = await rebuildReadModel({
      databaseUrl: service.db.url,
      ownerUrl: service.db.ownerUrl,
      natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      namespace: service.ns.namespace,
      progress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ events: EVENTS, skipped: 0 });
    expect(progress.length).toBeGreaterThan(0);
    expect(await kpis('2026-11')).toEqual(expected);
    expect(await kpis('2026-10')).toEqual(october);
    expect(await everyFact()).toEqual(live);
    // The fresh tables carry the tenant wall like the ones they replaced.
    const { rows } = await service.sql.query(
      `SELECT c.relname, c.relforcerowsecurity AS forced FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'reporting' AND c.relname = ANY($1) AND c.relkind = 'r' ORDER BY 1`,
      [READ_MODEL_TABLES],
    );
    expect(rows).toHaveLength(READ_MODEL_TABLES.length);
    expect(rows.every((r) => r.forced)).toBe(true);
    const schemas = await service.sql.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ('reporting_rebuild', 'reporting_replaced')`);
    expect(schemas.rows).toEqual([]);

    // The live consumers still write into the swapped-in tables.
    const caseId = uuidv7();
    await publish('casework.case.opened.v2', caseId, {
      caseId,
      referralId: uuidv7(),
      reference: 'HSG-13',
      contractId,
      serviceLine: 'noise',
      openedAt: '2026-11-20T10:00:00.000Z',
      contractVersion: 1,
      receivedAt: '2026-11-20T10:00:00.000Z',
      clockStartsAt: '2026-11-20T10:00:00.000Z',
      dates: {},
    });
    await publish('casework.case.closed.v1', caseId, {
      caseId,
      contractId,
      serviceLine: 'noise',
      reference: 'HSG-13',
      outcome: 'good-neighbour-agreement',
      outcomeExpected: true,
      closedAt: '2026-11-25T10:00:00.000Z',
      timesReopened: 0,
    });
    await waitUntil(async () => (await kpis('2026-11'))['expected-outcome'][0] === 7, { what: 'a closure after the swap', timeoutMs: 30_000 });
  });

  it('the command prints what it did; run again, it gives the same figures', async () => {
    const before = await kpis('2026-11');
    process.env.MIGRATION_DATABASE_URL = service.db.ownerUrl;
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      expect(await main(['rebuild', '--json'])).toBe(0);
    } finally {
      write.mockRestore();
      delete process.env.MIGRATION_DATABASE_URL;
    }
    expect(JSON.parse(out.join(''))).toMatchObject({ events: EVENTS + 2, skipped: 0 });
    expect(await kpis('2026-11')).toEqual(before);
  });
});
