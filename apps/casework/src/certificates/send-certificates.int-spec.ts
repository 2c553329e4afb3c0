import { uuidv7, type ContractPublishedV2, type EventData, type EventEnvelope, type ReferralReceivedV2, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, problemOf, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(60_000);

const provider = '01a50000-0000-7000-8000-00000000000a';
const contractId = '01a50000-0000-7000-8000-0000000000c1';
const meta: RpcMeta = { organisationId: provider, actorId: 'adviser-1', actorType: 'user', correlationId: 'c' };
const basis = { kind: 'legal', text: 'SEND Regulations 2014', source: { document: 'SI 2014/1530', section: 'reg 34' } };

/** The SEND line's certificate route: declined -> certificate -> closed, as the template sets it. */
const DEFINITION = {
  reference: 'WCC-SEND',
  title: 'SEND mediation',
  buyers: [{ name: 'Warwickshire County Council', role: 'local-authority' }],
  serviceLines: [
    {
      key: 'send-mediation',
      name: 'SEND mediation',
      form: { fields: [{ key: 'laInformedDate', label: 'LA told', type: 'date' }] },
      outcomes: [{ key: 'certificate-only', label: 'Certificate only', expected: false }],
      deadlineRules: [
        {
          key: 'certificate-no-mediation',
          label: 'Certificate when declined',
          startEvent: 'mediation.declined',
          stopEvent: 'certificate.issued',
          due: { kind: 'working-days', days: 3 },
          basis,
        },
        {
          key: 'certificate-deemed',
          label: 'Certificate when delayed',
          startEvent: 'mediation.delayed',
          stopEvent: 'certificate.issued',
          due: { kind: 'working-days', days: 3 },
          basis,
        },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
      workflow: {
        states: [
          { key: 'referred', label: 'Referred', category: 'active' },
          { key: 'accepted', label: 'Accepted', category: 'active' },
          { key: 'mediation-declined', label: 'Declined', category: 'active' },
          { key: 'closed', label: 'Closed', category: 'closed' },
        ],
        transitions: [
          { from: 'referred', to: 'accepted', requires: ['case-manager'] },
          { from: 'accepted', to: 'mediation-declined', emits: 'mediation.declined' },
          { from: 'mediation-declined', to: 'closed', requires: ['outcome', 'certificate'], emits: 'case.closed' },
        ],
      },
    },
  ],
};

describe('SEND certificates: the certificate-only route', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const clock = new FixedClock(new Date('2026-04-01T12:00:00Z'));
  let app: ReturnType<typeof caseworkHarness>;
  let caseId: string;

  const milestones = async () =>
    (
      await casework.$queryRawUnsafe<{ m: string }[]>(
        `SELECT envelope->'data'->>'milestone' AS m FROM casework.outbox WHERE envelope->>'type' = 'casework.case.milestone.v1' ORDER BY position`,
      )
    ).map((r) => r.m);

  beforeAll(async () => {
    db = await createTestDatabase('sendcert');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    const published = {
      id: uuidv7(),
      organisationid: provider,
      data: { contractId, version: 1, status: 'active', template: 'send', definition: DEFINITION },
    } as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;
    await casework.run((tx) => app.recordContract.execute(tx, published), { organisationId: provider });
    const referral = {
      id: uuidv7(),
      organisationid: provider,
      correlationid: 'c',
      data: {
        referralId: uuidv7(),
        reference: 'REF-2026-000100',
        contractId,
        serviceLine: 'send-mediation',
        referrer: { name: 'Parent', email: 'parent@example.com' },
        parties: [{ role: 'parent', name: 'Pat Parent' }],
        receivedAt: '2026-04-01T09:00:00Z',
        contractVersion: 1,
        dates: { laInformedDate: '2026-03-30' },
      },
    } as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;
    await casework.run((tx) => app.openCase.execute(tx, referral), { organisationId: provider });
    caseId = (await app.listCases.execute(meta, { limit: 10 })).items[0].id;
    await app.assign.execute(meta, { caseId, staffId: uuidv7(), role: 'case-manager', name: 'Sol Adviser', email: 'sol@provider.example' });
    await app.transition.execute(meta, caseId, { to: 'accepted' });
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('declining mediation reaches mediation.declined, which starts the 3-working-day certificate clock', async () => {
    await app.transition.execute(meta, caseId, { to: 'mediation-declined', occurredAt: '2026-04-01T10:00:00Z' });
    expect(await milestones()).toEqual(['mediation.declined']);
  });

  it('the case cannot close until the certificate is issued', async () => {
    expect(await problemOf(app.close.execute(meta, caseId, { outcome: 'certificate-only' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/Issue the mediation certificate/),
    });
  });

  it('issuing the certificate records it and reaches certificate.issued at its issue time', async () => {
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'declined', issuedAt: '2026-04-02T10:00:00Z' }))).toMatchObject({
      errors: [{ field: 'issuedAt', code: 'in_future' }],
    });
    const certificate = await app.issueCertificate.execute(meta, caseId, { kind: 'declined', issuedAt: '2026-04-01T11:00:00Z' });
    expect(certificate).toMatchObject({ kind: 'declined', issuedAt: '2026-04-01T11:00:00.000Z', recordedBy: 'adviser-1' });
    const [event] = await casework.$queryRawUnsafe<{ data: Record<string, string> }[]>(
      `SELECT envelope->'data' AS data FROM casework.outbox WHERE envelope->'data'->>'milestone' = 'certificate.issued' ORDER BY position`,
    );
    expect(event.data).toMatchObject({ caseId, occurredAt: '2026-04-01T11:00:00.000Z', source: `certificate:${certificate.id}` });
  });

  it('then it closes with its outcome, and a mediation.delayed recorded by hand is accepted as the line uses it', async () => {
    expect((await app.close.execute(meta, caseId, { outcome: 'certificate-only' })).status).toBe('closed');
    await app.recordMilestone.execute(meta, caseId, { milestone: 'mediation.delayed', occurredAt: '2026-04-01T11:30:00Z' });
    expect(await milestones()).toEqual(['mediation.declined', 'certificate.issued', 'case.closed', 'mediation.delayed']);
  });
});
