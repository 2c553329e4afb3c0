import {
  uuidv7,
  type ContractPublishedV2,
  type DeliverySentV1,
  type EventData,
  type EventEnvelope,
  type ReferralReceivedV2,
  type RpcMeta,
} from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(90_000);

const organisationId = '01a40000-0000-7000-8000-0000000000e1';
const contractId = '01a40000-0000-7000-8000-0000000000e2';
const meta = (): RpcMeta => ({ organisationId, actorId: 'user-1', actorType: 'user', correlationId: uuidv7() });
const DEFINITION = {
  reference: 'EV-2026',
  title: 'Events line',
  buyers: [{ name: 'The Council', role: 'council' }],
  origin: { template: 'housing-asb' },
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise',
      form: { fields: [] },
      outcomes: [{ key: 'agreed', label: 'Agreed', expected: true }],
      deadlineRules: [],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
};
const envelope = <T>(data: T) => ({ id: uuidv7(), organisationid: organisationId, correlationid: 'corr', data }) as unknown as EventEnvelope<T>;

/** Everything personal the test writes; none of it may reach an event partners receive. */
const SECRETS = [
  'Ada Tenant',
  'ada@example.com',
  '07700900123',
  'Wheelchair',
  'Polish',
  'Dina Landlord',
  'dina@',
  'noise at night',
  'mental-health',
  'Book the joint visit',
  'Verbal aggression',
  'Visits in pairs',
  'Police',
  'Adult social care',
  'Agreed a visit',
  'Visit arrangements',
  'Not told about the visit',
  'Apologised and rebooked',
  '1 High St',
];

describe('every change to a case record publishes one event with no personal data', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let app: ReturnType<typeof caseworkHarness>;
  let caseId: string;
  const clock = new FixedClock(new Date('2026-03-02T11:00:00Z'));
  const outbox = (type: string) =>
    casework.$queryRawUnsafe<{ envelope: { type: string; subject: string; data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 ORDER BY position`,
      type,
    );

  /** Runs a change and returns the one event of `type` it wrote, failing on zero, two, or any secret in the envelope. */
  async function oneEvent<T>(type: string, change: () => Promise<T>): Promise<{ result: T; data: Record<string, unknown> }> {
    const before = (await outbox(type)).length;
    const result = await change();
    const after = await outbox(type);
    expect(after.length - before).toBe(1);
    const written = after[after.length - 1].envelope;
    const json = JSON.stringify(written);
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    expect(written.subject).toBe(caseId);
    expect(written.data).toMatchObject({ caseId, contractId });
    return { result, data: written.data };
  }

  beforeAll(async () => {
    db = await createTestDatabase('caseevents');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    const published = envelope({ contractId, version: 1, status: 'active', template: 'housing-asb', definition: DEFINITION } as unknown as EventData<
      typeof ContractPublishedV2
    >);
    await casework.run((tx) => app.recordContract.execute(tx, published), { organisationId });
    const data = {
      referralId: uuidv7(),
      reference: 'REF-2026-000777',
      contractId,
      serviceLine: 'noise',
      referrer: { name: 'Olu Officer', email: 'olu@council.example', organisation: 'The Council' },
      parties: [{ role: 'complainant', name: 'Ada Tenant', email: 'ada@example.com', phone: '07700900123' }],
      receivedAt: '2026-03-02T10:00:00.000Z',
      contractVersion: 1,
      clockStartsAt: '2026-03-02T10:00:00.000Z',
      dates: {},
    } as unknown as EventData<typeof ReferralReceivedV2>;
    await casework.run((tx) => app.openCase.execute(tx, envelope(data)), { organisationId });
    caseId = (await app.listCases.execute(meta(), { limit: 5 })).items[0].id;
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('parties: added and changed, with role and changed field names only', async () => {
    const added = await oneEvent('casework.party.added.v1', () =>
      app.addParty.execute(meta(), caseId, {
        role: 'landlord',
        name: 'Dina Landlord',
        email: 'dina@example.com',
        address: '1 High St',
        accessibilityNeeds: 'Wheelchair user',
        interpreterLanguage: 'Polish',
      }),
    );
    expect(added.data).toMatchObject({ partyId: added.result.id, role: 'landlord', addedAt: '2026-03-02T11:00:00.000Z' });
    const changed = await oneEvent('casework.party.updated.v1', () =>
      app.updateParty.execute(meta(), caseId, added.result.id, { email: 'dina@example.com', phone: '07700900123' }),
    );
    expect(changed.data).toMatchObject({ partyId: added.result.id, role: 'landlord', changedFields: ['email', 'phone'] });
  });

  it('notes: a sensitive note says only that one was added', async () => {
    expect(
      (await oneEvent('casework.note.added.v1', () => app.addNote.execute(meta(), caseId, { body: 'Ada described the noise at night.', sensitive: false })))
        .data,
    ).toMatchObject({ sensitive: false });
    const sensitive = await oneEvent('casework.note.added.v1', () =>
      app.addNote.execute(meta(), caseId, { body: 'Ada disclosed a mental-health condition.', sensitive: true }),
    );
    expect(Object.keys(sensitive.data).sort()).toEqual(['addedAt', 'caseId', 'contractId', 'noteId', 'sensitive']);
    expect(sensitive.data).toMatchObject({ noteId: sensitive.result.id, sensitive: true });
  });

  it('tasks: added and completed, without the title', async () => {
    const task = await oneEvent('casework.task.added.v1', () => app.addTask.execute(meta(), caseId, { title: 'Book the joint visit', dueOn: '2026-03-09' }));
    expect(task.data).toMatchObject({ taskId: task.result.id, dueOn: '2026-03-09', assigneeStaffId: null });
    expect((await oneEvent('casework.task.completed.v1', () => app.completeTask.execute(meta(), caseId, task.result.id))).data).toMatchObject({
      taskId: task.result.id,
      dueOn: '2026-03-09',
      completedAt: '2026-03-02T11:00:00.000Z',
    });
  });

  it('risk: the level and a count of factors, never the factors or measures', async () => {
    const risk = await oneEvent('casework.risk.assessed.v1', () =>
      app.recordRisk.execute(meta(), caseId, {
        level: 'high',
        factors: ['Verbal aggression reported', 'Dog'],
        measures: 'Visits in pairs',
        reviewOn: '2026-04-01',
      }),
    );
    expect(risk.data).toMatchObject({ assessmentId: risk.result.id, level: 'high', factorCount: 2, hasMeasures: true, reviewOn: '2026-04-01' });
  });

  it('complaints: received, acknowledged and resolved, with the finding but no text', async () => {
    const got = await oneEvent('casework.complaint.received.v1', () =>
      app.receiveComplaint.execute(meta(), caseId, { complainant: 'Ada Tenant', summary: 'Not told about the visit', receivedAt: '2026-03-02T09:00:00Z' }),
    );
    expect(got.data).toMatchObject({ complaintId: got.result.id, byParty: false, receivedAt: '2026-03-02T09:00:00.000Z' });
    expect(
      (await oneEvent('casework.complaint.acknowledged.v1', () => app.acknowledgeComplaint.execute(meta(), caseId, got.result.id, '2026-03-02T09:30:00Z')))
        .data,
    ).toMatchObject({ acknowledgedAt: '2026-03-02T09:30:00.000Z' });
    const resolved = await oneEvent('casework.complaint.resolved.v1', () =>
      app.resolveComplaint.execute(meta(), caseId, got.result.id, {
        resolvedAt: '2026-03-02T10:30:00Z',
        finding: 'upheld',
        resolution: 'Apologised and rebooked',
      }),
    );
    expect(resolved.data).toMatchObject({ complaintId: got.result.id, finding: 'upheld', resolvedAt: '2026-03-02T10:30:00.000Z' });
  });

  it('multi-agency: recorded and ended, counting agencies without naming them', async () => {
    const started = await oneEvent('casework.multi-agency.recorded.v1', () =>
      app.startMultiAgency.execute(meta(), caseId, { agencies: ['Police', 'Adult social care'], from: '2026-03-01' }),
    );
    expect(started.data).toMatchObject({ involvementId: started.result.id, agencyCount: 2, from: '2026-03-01', to: null });
    expect(
      (await oneEvent('casework.multi-agency.updated.v1', () => app.endMultiAgency.execute(meta(), caseId, started.result.id, '2026-03-02'))).data,
    ).toMatchObject({ from: '2026-03-01', to: '2026-03-02' });
  });

  it('communications logged by hand: channel and direction, not who with or what was said', async () => {
    const logged = await oneEvent('casework.communication.logged.v1', () =>
      app.logCommunication.execute(meta(), caseId, {
        direction: 'in',
        channel: 'call',
        counterpart: 'Ada Tenant',
        subject: 'Visit arrangements',
        summary: 'Agreed a visit',
        occurredAt: '2026-03-02T10:30:00Z',
      }),
    );
    expect(logged.data).toMatchObject({
      communicationId: logged.result.id,
      direction: 'in',
      channel: 'call',
      withParty: false,
      occurredAt: '2026-03-02T10:30:00.000Z',
    });
  });

  it('what notify sent for the case is published like an entry logged by hand, once however often the delivery arrives', async () => {
    const delivery = envelope({
      deliveryId: uuidv7(),
      caseId,
      channel: 'email',
      kind: 'survey-reminder',
      to: 'ada@example.com',
      subjectLine: 'Visit arrangements',
      sentAt: '2026-03-02T10:45:00Z',
    } as unknown as EventData<typeof DeliverySentV1>);
    const logged = await oneEvent('casework.communication.logged.v1', () => casework.run((tx) => app.recordDelivery.execute(tx, delivery), { organisationId }));
    expect(logged.data).toMatchObject({
      direction: 'out',
      channel: 'email',
      withParty: false,
      occurredAt: '2026-03-02T10:45:00.000Z',
      loggedAt: '2026-03-02T11:00:00.000Z',
    });
    const before = (await outbox('casework.communication.logged.v1')).length;
    await casework.run((tx) => app.recordDelivery.execute(tx, delivery), { organisationId });
    expect((await outbox('casework.communication.logged.v1')).length).toBe(before);
  });

  it('each event is sequenced by the case version, so a case’s events stay in order', async () => {
    // opened.v1 is the same fact as opened.v2 in its older version (a subscriber reads one of them), so it shares v2's sequence.
    const rows = await casework.$queryRawUnsafe<{ sequence: number }[]>(
      `SELECT (envelope->>'sequence')::int AS sequence FROM casework.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' <> 'casework.case.opened.v1' ORDER BY position`,
      caseId,
    );
    const sequences = rows.map((r) => r.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
  });
});
