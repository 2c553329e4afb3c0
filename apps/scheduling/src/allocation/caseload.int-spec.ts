import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplicationContext } from '@nestjs/common';
import { CaseAssignedV1, CaseMilestoneV1, CaseOpenedV2, CaseReopenedV1, ContractDefinitionSchema, ContractPublishedV2, uuidv7, type ContractDefinitionInput, type EventData, type EventDefinition, type RpcMeta } from '@mediation/protocol';
import { FixedClock, startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { CreateStaffUseCase } from '../staff/create-staff.use-case';
import { RankMediatorsUseCase } from './rank-mediators.use-case';

jest.setTimeout(120_000);

const org = uuidv7();
const contractId = uuidv7();
const week = { monday: [{ start: '09:00', end: '17:00' }], tuesday: [{ start: '09:00', end: '17:00' }], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

const definition: ContractDefinitionInput = {
  reference: 'INT-C',
  title: 'Caseload test contract',
  buyers: [{ name: 'Test Council', role: 'council' }],
  serviceLines: [{ key: 'send', name: 'SEND mediation', form: { fields: [] }, outcomes: [{ key: 'agreement', label: 'Agreement', expected: true }], londonLivingWage: { required: false }, dataRetentionMonths: 12 }],
};

describe('a caseload counts open cases only (the case-file projection knows which are open)', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let sql: Client;
  const clock = new FixedClock(new Date('2026-12-07T10:00:00Z'));
  const meta: RpcMeta = { organisationId: org, actorId: 'case-manager-1', actorType: 'user', correlationId: 'int-caseload' };

  beforeAll(async () => {
    service = await startServiceContext({ database: 'caseload', namespace: 'cl', module: () => AppModule.register(loadSchedulingConfig()), clock });
    ({ app, sql } = service);
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    await publish(ContractPublishedV2, contractId, 1, { contractId, version: 1, status: 'active', template: null, definition: ContractDefinitionSchema.parse(definition) });
    await waitUntil(async () => ((await sql.query(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).rowCount ? true : undefined), { what: 'the contract projection' });
  });

  afterAll(async () => {
    await nc?.close();
    await service?.close();
  });

  async function publish<D extends EventDefinition>(def: D, subject: string, sequence: number, data: EventData<D>): Promise<string> {
    const id = uuidv7();
    const envelope = { specversion: '1.0', id, source: '/services/test', type: def.type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data, organisationid: org, contractid: contractId, sequence, correlationid: `int-${id}` };
    await jetstream(nc).publish(service.ns.names.event(org, def.type), JSON.stringify(envelope), { msgID: id });
    return id;
  }
  const handled = (eventId: string) => waitUntil(async () => ((await sql.query(`SELECT 1 FROM scheduling.inbox WHERE event_id = $1`, [eventId])).rowCount ? true : undefined), { what: `event ${eventId} to be handled` });
  const caseStatus = async (caseId: string) => (await sql.query(`SELECT status FROM scheduling.case_file WHERE case_id = $1`, [caseId])).rows[0]?.status as string | undefined;
  const milestone = (caseId: string, name: string, at: string, sequence: number) => publish(CaseMilestoneV1, caseId, sequence, { caseId, contractId, milestone: name, occurredAt: at, recordedAt: at, source: 'test' });
  const candidatesFor = async (caseId: string) => {
    const ranked = await app.get(RankMediatorsUseCase).execute(meta, { caseId, contractId, serviceLine: 'send', contractVersion: 1 }, { skills: [], days: 14 });
    return { offered: ranked.candidates.map((c) => c.name), excluded: Object.fromEntries(ranked.excluded.map((e) => [e.name, e.reasons])) };
  };

  it('a mediator at a maximum caseload of 1 whose only case closes is offered again, and is full again when that case is reopened', async () => {
    const mediator = await app.get(CreateStaffUseCase).execute(meta, { name: 'Solo Mediator', email: 'solo@provider.example', serviceLines: [{ contractId, serviceLine: 'send' }], skills: ['send'], languages: ['en'], payRatePence: 2500, maxCaseload: 1, status: 'active', weeklyAvailability: week });
    const caseId = uuidv7();
    const at = '2026-12-01T10:00:00Z';
    await handled(await publish(CaseOpenedV2, caseId, 1, { caseId, referralId: uuidv7(), reference: 'REF-SOLO', contractId, serviceLine: 'send', openedAt: at, contractVersion: 1, receivedAt: at, clockStartsAt: at, dates: {} }));
    await handled(await publish(CaseAssignedV1, caseId, 2, { caseId, contractId, assignmentId: uuidv7(), role: 'mediator', staff: { staffId: mediator.id, name: mediator.name, email: mediator.email }, assignedAt: at }));
    const another = uuidv7();
    expect((await candidatesFor(another)).excluded['Solo Mediator']).toEqual(['caseload full (1 of 1 cases)']);

    await handled(await milestone(caseId, 'case.closed', '2026-12-03T10:00:00Z', 3));
    expect(await caseStatus(caseId)).toBe('closed');
    expect((await candidatesFor(another)).offered).toContain('Solo Mediator');

    await handled(await publish(CaseReopenedV1, caseId, 4, { caseId, contractId, previouslyClosedAt: '2026-12-03T10:00:00Z', reopenedAt: '2026-12-04T10:00:00Z', countsAsReopened: true, reason: 'the neighbour dispute started again' }));
    expect(await caseStatus(caseId)).toBe('open');
    expect((await candidatesFor(another)).excluded['Solo Mediator']).toEqual(['caseload full (1 of 1 cases)']);
  });

  it('a withdrawn case (`case.ended`) leaves the caseload too; a late closure milestone older than the reopening does not close the case again', async () => {
    const mediator = await app.get(CreateStaffUseCase).execute(meta, { name: 'Second Mediator', email: 'second@provider.example', serviceLines: [{ contractId, serviceLine: 'send' }], skills: ['send'], languages: ['en'], payRatePence: 2500, maxCaseload: 1, status: 'active', weeklyAvailability: week });
    const caseId = uuidv7();
    const at = '2026-12-01T10:00:00Z';
    await handled(await publish(CaseOpenedV2, caseId, 1, { caseId, referralId: uuidv7(), reference: 'REF-TWO', contractId, serviceLine: 'send', openedAt: at, contractVersion: 1, receivedAt: at, clockStartsAt: at, dates: {} }));
    await handled(await publish(CaseAssignedV1, caseId, 2, { caseId, contractId, assignmentId: uuidv7(), role: 'mediator', staff: { staffId: mediator.id, name: mediator.name, email: mediator.email }, assignedAt: at }));

    // The reopening (version 5) is handled before the closure it followed (version 4), which arrives late.
    await handled(await publish(CaseReopenedV1, caseId, 5, { caseId, contractId, previouslyClosedAt: '2026-12-03T10:00:00Z', reopenedAt: '2026-12-04T10:00:00Z', countsAsReopened: true, reason: 'again' }));
    await handled(await milestone(caseId, 'case.closed', '2026-12-03T10:00:00Z', 4));
    expect(await caseStatus(caseId)).toBe('open');

    await handled(await milestone(caseId, 'case.ended', '2026-12-05T10:00:00Z', 6));
    expect(await caseStatus(caseId)).toBe('ended');
    expect((await candidatesFor(uuidv7())).offered).toContain('Second Mediator');
  });
});
