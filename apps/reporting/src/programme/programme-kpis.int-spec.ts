import type { INestApplicationContext } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ContractDefinitionSchema, uuidv7, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { pdfText, startServiceContext, type ServiceContext } from '@mediation/testing';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import { GetKpisUseCase } from '../kpis/get-kpis.use-case';
import { IssuePackUseCase } from '../packs/issue-pack.use-case';
import { PackFilesUseCase } from '../packs/pack-files.use-case';
import { ActivityDeliveredFact, DataReturnMissingFact, DataReturnReceivedFact, LocalAuthorityOnboardedFact } from './programme-facts.handlers';

jest.setTimeout(120_000);

const basis = { kind: 'contractual', text: 'seed 002, Total Quantity or Scope', source: { document: 'seeds/002', section: 'Total Quantity or Scope' } };
const count = (key: string, label: string, event: string) => ({ key, label, measure: { kind: 'count', event }, period: 'monthly', basis });
/** The pre-CMH line's programme KPIs, as the pre-cmh template declares them. */
const PRE_CMH = ContractDefinitionSchema.parse({
  reference: 'PRECMH',
  title: 'Pre-CMH pilot delivery partner',
  buyers: [{ name: 'Department for Education', role: 'dfe' }],
  serviceLines: [
    {
      key: 'pre-cmh-meeting',
      name: 'Pre-CMH meeting',
      form: { fields: [] },
      sessionTypes: [
        { key: 'workshop', label: 'Training workshop for professionals', mode: 'either', heldMilestone: 'workshop.delivered' },
        { key: 'drop-in', label: 'Drop-in support session', mode: 'remote', heldMilestone: 'drop-in.held' },
      ],
      outcomes: [{ key: 'held-before-cmh', label: 'Held before the CMH', expected: true }],
      kpis: [
        count('workshops-delivered', 'Workshops delivered', 'workshop.delivered'),
        count('drop-ins-held', 'Drop-in sessions held', 'drop-in.held'),
        count('data-returns', 'Data returns received per local authority', 'data-return.received'),
      ],
      reportRecipients: [{ role: 'DfE pilot lead', reports: ['monthly-performance'] }],
      closureDays: [],
      londonLivingWage: { required: false },
      dataRetentionMonths: 24,
    },
  ],
});

describe('the pre-CMH programme in the KPIs and the monthly pack: activities and data returns by local authority and month', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const organisationId = uuidv7();
  const contractId = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:pilot-lead', actorType: 'user', correlationId: 'int-programme' };
  const kent = uuidv7();
  const medway = uuidv7();
  const envelope = (data: object) =>
    ({ id: uuidv7(), organisationid: organisationId, contractid: contractId, correlationid: 'int', sequence: 1, data }) as never;
  const fold = (handler: { handle(e: EventEnvelope<never>, tx: never, ctx: never): Promise<void> }, data: object) =>
    app.get(ReportingDatabase).run((tx) => handler.handle(envelope(data), tx as never, {} as never), { organisationId });
  const workshop = (authorityKey: string, deliveredAt: string, attendance: { attendeeType: string; count: number }[]) =>
    fold(app.get(ActivityDeliveredFact), {
      activityId: uuidv7(),
      contractId,
      serviceLine: 'pre-cmh-meeting',
      activityType: 'workshop',
      milestone: 'workshop.delivered',
      deliveredAt,
      servedOrganisationKey: authorityKey,
      attendance,
      totalAttendees: attendance.reduce((n, a) => n + a.count, 0),
    });
  const kpis = (period: string) => app.get(GetKpisUseCase).execute(meta, { contractId, period });

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_programme', namespace: 'rp', module: () => AppModule.register(loadReportingConfig()) });
    ({ app } = service);
    await app
      .get(ReportingDatabase)
      .run((tx) => app.get(ContractBook).record(tx, { organisationId, contractId, version: 1, status: 'active', template: 'pre-cmh', definition: PRE_CMH }), {
        organisationId,
      });
    for (const [localAuthorityId, name] of [
      [kent, 'Kent County Council'],
      [medway, 'Medway Council'],
    ])
      await fold(app.get(LocalAuthorityOnboardedFact), {
        localAuthorityId,
        contractId,
        authorityKey: name.toLowerCase().replace(/ /g, '-'),
        name,
        onboardedOn: '2026-10-01',
      });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('a pre-CMH workshop with 14 attendees for one LA counts in that LA’s KPI for the month', async () => {
    // Thursday 3 December 2026, 23:30 London is still 3 December; the one on 30 November counts in November.
    await workshop('kent-county-council', '2026-12-03T23:30:00Z', [
      { attendeeType: 'social-worker', count: 9 },
      { attendeeType: 'cafcass-guardian', count: 5 },
    ]);
    await workshop('medway-council', '2026-11-30T10:00:00Z', [{ attendeeType: 'social-worker', count: 6 }]);

    const december = await kpis('2026-12');
    expect(december.kpis.find((k) => k.key === 'workshops-delivered')).toMatchObject({ numerator: 1, value: 1, unit: 'count' });
    expect(december.serviceLines[0].kpis.find((k) => k.key === 'workshops-delivered')).toMatchObject({ numerator: 1 });
    const kentDecember = december.localAuthorities.find((a) => a.authorityKey === 'kent-county-council')!;
    expect(kentDecember).toMatchObject({
      name: 'Kent County Council',
      kpis: [
        { key: 'workshops-delivered', value: 1 },
        { key: 'drop-ins-held', value: 0 },
        { key: 'data-returns', value: 0 },
      ],
      activities: [{ activityType: 'workshop', milestone: 'workshop.delivered', delivered: 1, attendees: 14 }],
      attendees: 14,
    });
    expect(december.localAuthorities.find((a) => a.authorityKey === 'medway-council')).toMatchObject({
      kpis: [{ value: 0 }, { value: 0 }, { value: 0 }],
      attendees: 0,
    });
    expect((await kpis('2026-11')).localAuthorities.find((a) => a.authorityKey === 'medway-council')).toMatchObject({
      kpis: [{ key: 'workshops-delivered', value: 1 }, { value: 0 }, { value: 0 }],
      attendees: 6,
    });
  });

  it('a data return due and not received shows as missing, received returns count per LA, and the monthly pack shows both', async () => {
    const ref = (localAuthorityId: string, authorityKey: string) => ({
      localAuthorityId,
      contractId,
      authorityKey,
      name: authorityKey,
      period: '2026-11',
      dueOn: '2026-12-14',
    });
    await fold(app.get(DataReturnReceivedFact), { ...ref(kent, 'kent-county-council'), receivedOn: '2026-12-10', late: false });
    await fold(app.get(DataReturnMissingFact), { ...ref(medway, 'medway-council'), missingAt: '2026-12-15T08:00:00.000Z', contact: null });

    const november = await kpis('2026-11');
    const returns = Object.fromEntries(november.localAuthorities.map((a) => [a.authorityKey, a.dataReturns]));
    expect(returns).toEqual({
      'kent-county-council': [{ period: '2026-11', dueOn: '2026-12-14', state: 'received', receivedOn: '2026-12-10' }],
      'medway-council': [{ period: '2026-11', dueOn: '2026-12-14', state: 'missing', receivedOn: null }],
    });
    // Received in December: it counts in December's data-returns KPI, for Kent.
    const december = await kpis('2026-12');
    expect(december.kpis.find((k) => k.key === 'data-returns')).toMatchObject({ numerator: 1 });
    expect(december.localAuthorities.find((a) => a.authorityKey === 'kent-county-council')?.kpis.find((k) => k.key === 'data-returns')?.value).toBe(1);

    await app.get(IssuePackUseCase).execute({ organisationId, contractId, period: '2026-11', trigger: 'on-demand', correlationId: 'int-pack' });
    const csv = Buffer.from((await app.get(PackFilesUseCase).file(meta, { contractId, period: '2026-11', format: 'csv' })).base64, 'base64').toString();
    expect(csv).toContain('kpi,2026-11,workshops-delivered,Workshops delivered,1,,1,count,,no-target');
    expect(csv).toContain('local-authority,2026-11,medway-council:workshops-delivered,Medway Council,,,1,count,,');
    expect(csv).toContain('data-return,2026-11,medway-council,Medway Council,,,,,2026-12-14,missing');
    const text = pdfText(Buffer.from((await app.get(PackFilesUseCase).file(meta, { contractId, period: '2026-11', format: 'pdf' })).base64, 'base64'));
    expect(text).toContain('Local authorities');
    expect(text).toContain('Missing');
  });
});
