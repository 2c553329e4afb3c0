import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';
import { contractPublishedEvent, noiseReferralEvent } from '../testing/case-events';

jest.setTimeout(90_000);

const provider = '01a40000-0000-7000-8000-0000000000d1';
const housingContract = '01a40000-0000-7000-8000-0000000000d2';
const otherContract = '01a40000-0000-7000-8000-0000000000d3';
const meta = (restrictToContracts?: string[]): RpcMeta => ({
  organisationId: provider,
  actorId: 'user-cm',
  actorType: 'user',
  correlationId: uuidv7(),
  ...(restrictToContracts ? { restrictToContracts } : {}),
});
const basis = { kind: 'contractual', text: 'The Council complaints process.', source: { document: 'seed 001', section: '§8.6' } };

const line = (complaints?: object) => ({
  key: 'noise',
  name: 'Noise nuisance',
  form: { fields: [] },
  outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
  closureDays: [{ date: '2027-01-04', reason: 'The Council’s new-year closure' }],
  londonLivingWage: { required: true },
  dataRetentionMonths: 72,
  ...(complaints ? { complaints } : {}),
});
const HOUSING_CODE = {
  acknowledgeWithin: { days: 5, dayKind: 'working' },
  respondWithin: { days: 10, dayKind: 'working', from: 'acknowledged' },
  tellReferrer: true,
  basis,
};

const published = (contractId: string, complaints?: object) => contractPublishedEvent(provider, contractId, [line(complaints)], 'housing-asb');
const referral = (contractId: string, reference: string) => noiseReferralEvent(provider, contractId, reference);

describe('complaints on the timescales of the line’s complaints policy, over a real database', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const clock = new FixedClock(new Date('2026-12-24T16:30:00Z'));
  let app: ReturnType<typeof caseworkHarness>;
  const caseIds: Record<string, string> = {};

  const outbox = (type: string) =>
    casework.$queryRawUnsafe<{ envelope: { subject: string; data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 ORDER BY position`,
      type,
    );

  beforeAll(async () => {
    db = await createTestDatabase('complainttimes');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    await casework.run((tx) => app.recordContract.execute(tx, published(housingContract, HOUSING_CODE)), { organisationId: provider });
    await casework.run((tx) => app.recordContract.execute(tx, published(otherContract)), { organisationId: provider });
    for (const [contractId, reference] of [
      [housingContract, 'REF-2026-000101'],
      [otherContract, 'REF-2026-000102'],
    ]) {
      await casework.run((tx) => app.openCase.execute(tx, referral(contractId, reference)), { organisationId: provider });
    }
    for (const c of (await app.listCases.execute(meta(), { limit: 50 })).items) caseIds[c.contractId] = c.id;
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('a complaint received on Christmas Eve under the Council’s process is due for acknowledgement past the bank holidays and the Council’s closure day, and the referring officer is told', async () => {
    clock.at = new Date('2026-12-24T16:30:00Z');
    const complaint = await app.receiveComplaint.execute(meta(), caseIds[housingContract], {
      complainant: 'Ada Tenant',
      summary: 'The visit was missed.',
      receivedAt: '2026-12-24T16:00:00Z',
    });
    // 29, 30, 31 December, then 5 and 6 January: 25 and 28 December and 1 January are bank holidays, 4 January the Council is closed.
    expect(complaint).toMatchObject({
      status: 'received',
      acknowledgeBy: '2027-01-06T23:59:59.999Z',
      respondBy: '2027-01-20T23:59:59.999Z',
      overdue: false,
      acknowledgedLate: null,
      resolvedLate: null,
    });

    const [received] = (await outbox('casework.complaint.received.v1')).filter((e) => e.envelope.data.complaintId === complaint.id);
    expect(received.envelope.data).toMatchObject({ acknowledgeBy: '2027-01-06T23:59:59.999Z', respondBy: '2027-01-20T23:59:59.999Z' });
    expect(JSON.stringify(received.envelope.data)).not.toContain('visit was missed');

    const notices = await outbox('casework.complaint.referrer-notice-issued.v1');
    expect(notices).toHaveLength(1);
    expect(notices[0].envelope.subject).toBe(complaint.id);
    expect(notices[0].envelope.data).toEqual({
      caseId: caseIds[housingContract],
      contractId: housingContract,
      complaintId: complaint.id,
      reference: 'REF-2026-000101',
      recipient: { name: 'Olu Officer', email: 'olu@council.example' },
      receivedAt: '2026-12-24T16:00:00.000Z',
      acknowledgeBy: '2027-01-06T23:59:59.999Z',
      respondBy: '2027-01-20T23:59:59.999Z',
      respondFrom: 'acknowledged',
    });

    // Overdue is as of now: a day after the acknowledgement day ended, it shows on the provider-wide list.
    clock.at = new Date('2027-01-07T09:00:00Z');
    expect((await app.listComplaints.execute(meta(), caseIds[housingContract])).items[0]).toMatchObject({ id: complaint.id, overdue: true });
    expect((await app.listProviderComplaints.execute(meta(), { status: 'overdue' })).items.map((c) => [c.id, c.caseReference, c.contractId])).toEqual([
      [complaint.id, 'REF-2026-000101', housingContract],
    ]);

    // Acknowledged a day late: the stage 1 response runs 10 working days from that day.
    clock.at = new Date('2027-01-07T11:00:00Z');
    const acknowledged = await app.acknowledgeComplaint.execute(meta(), caseIds[housingContract], complaint.id, '2027-01-07T10:00:00Z');
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedLate: true, respondBy: '2027-01-21T23:59:59.999Z', overdue: false });
    const [ack] = (await outbox('casework.complaint.acknowledged.v1')).filter((e) => e.envelope.data.complaintId === complaint.id);
    expect(ack.envelope.data).toMatchObject({ acknowledgedLate: true, respondBy: '2027-01-21T23:59:59.999Z' });
    expect((await app.listProviderComplaints.execute(meta(), { status: 'overdue' })).items).toEqual([]);

    clock.at = new Date('2027-01-21T15:00:00Z');
    const resolved = await app.resolveComplaint.execute(meta(), caseIds[housingContract], complaint.id, {
      resolvedAt: '2027-01-21T14:00:00Z',
      finding: 'partly-upheld',
      resolution: 'Apologised; visits confirmed in writing.',
    });
    expect(resolved).toMatchObject({ status: 'resolved', acknowledgedLate: true, resolvedLate: false, overdue: false });
    expect((await app.listProviderComplaints.execute(meta(), { status: 'open' })).items.map((c) => c.id)).not.toContain(complaint.id);
  });

  it('a line without a policy follows the provider’s standard, 20 working days from receipt, and tells no one', async () => {
    clock.at = new Date('2026-12-24T16:30:00Z');
    const before = (await outbox('casework.complaint.referrer-notice-issued.v1')).length;
    const complaint = await app.receiveComplaint.execute(meta(), caseIds[otherContract], {
      complainant: 'Ada Tenant',
      summary: 'Nobody called back.',
      receivedAt: '2026-12-24T16:00:00Z',
    });
    // The closure day on 4 January counts against this line too: it is the line's calendar.
    expect(complaint).toMatchObject({ acknowledgeBy: '2027-01-06T23:59:59.999Z', respondBy: '2027-01-27T23:59:59.999Z' });
    expect(await outbox('casework.complaint.referrer-notice-issued.v1')).toHaveLength(before);

    // Acknowledging does not move a response counted from receipt.
    clock.at = new Date('2027-01-05T12:00:00Z');
    expect(await app.acknowledgeComplaint.execute(meta(), caseIds[otherContract], complaint.id, '2027-01-05T11:00:00Z')).toMatchObject({
      acknowledgedLate: false,
      respondBy: '2027-01-27T23:59:59.999Z',
    });

    clock.at = new Date('2027-02-01T12:00:00Z');
    const overdue = await app.listProviderComplaints.execute(meta(), { status: 'overdue' });
    expect(overdue.items.map((c) => c.id)).toEqual([complaint.id]);
    // A referrer or commissioner scoped to the housing contract does not see the other contract's complaints, even when asking for them.
    expect((await app.listProviderComplaints.execute(meta([housingContract]), { status: 'open' })).items).toEqual([]);
    expect((await app.listProviderComplaints.execute(meta([housingContract]), { status: 'open', contractId: otherContract })).items).toEqual([]);
    expect((await app.listProviderComplaints.execute(meta(), { status: 'open', contractId: otherContract })).items.map((c) => c.id)).toEqual([complaint.id]);
  });
});
