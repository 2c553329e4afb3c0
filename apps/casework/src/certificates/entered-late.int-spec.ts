import {
  uuidv7,
  type ContractPublishedV2,
  type EventData,
  type EventEnvelope,
  type ReferralReceivedV2,
  type RpcMeta,
  type SessionHeldV1,
} from '@mediation/protocol';
import { createTestDatabase, FixedClock, problemOf, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(60_000);

const provider = '01a60000-0000-7000-8000-00000000000a';
const contractId = '01a60000-0000-7000-8000-0000000000c1';
const meta: RpcMeta = { organisationId: provider, actorId: 'adviser-1', actorType: 'user', correlationId: 'c' };
const basis = { kind: 'legal', text: 'SEND Regulations 2014', source: { document: 'SI 2014/1530' } };
const rule = (key: string, startEvent: string, stopEvent: string, more: Record<string, unknown> = {}) => ({
  key,
  label: key,
  startEvent,
  stopEvent,
  due: { kind: 'working-days', days: 3 },
  basis,
  ...more,
});

/** The SEND template's parts that matter here (apps/intake/src/templates/send.template.ts), and a pre-CMH line counting workshops and data returns. */
const DEFINITION = {
  reference: 'WCC-SEND',
  title: 'SEND mediation',
  buyers: [{ name: 'Warwickshire County Council', role: 'local-authority' }],
  serviceLines: [
    {
      key: 'send-mediation',
      name: 'SEND mediation',
      form: {
        fields: [
          { key: 'decisionLetterDate', label: 'Decision letter', type: 'date', notInFuture: true },
          { key: 'laInformedDate', label: 'LA told', type: 'date', notInFuture: true },
        ],
      },
      sessionTypes: [{ key: 'mediation', label: 'Mediation session', mode: 'either', heldMilestone: 'mediation.held' }],
      outcomes: [{ key: 'agreement-not-reached', label: 'No agreement', expected: false }],
      deadlineRules: [
        rule('mediation-within-30-days', 'referral.received', 'mediation.held', {
          startsFromField: 'laInformedDate',
          cancelEvents: ['mediation.declined'],
          due: { kind: 'calendar-days', days: 30 },
        }),
        rule('certificate-after-mediation', 'mediation.held', 'certificate.issued'),
        rule('certificate-no-mediation', 'mediation.declined', 'certificate.issued'),
        rule('certificate-deemed', 'mediation.delayed', 'certificate.issued'),
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
    },
    {
      key: 'pre-cmh',
      name: 'Pre-CMH meetings',
      form: { fields: [] },
      sessionTypes: [{ key: 'workshop', label: 'Workshop', mode: 'either', heldMilestone: 'workshop.delivered' }],
      outcomes: [{ key: 'held-before-cmh', label: 'Held', expected: true }],
      kpis: [
        { key: 'workshops-delivered', label: 'Workshops', measure: { kind: 'count', event: 'workshop.delivered' }, period: 'monthly', basis },
        { key: 'data-returns', label: 'Data returns', measure: { kind: 'count', event: 'data-return.received' }, period: 'monthly', basis },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 24,
    },
  ],
};

describe('a case entered after the events it records (casework)', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  // Wednesday 10 February 2027: the family's case is typed in after its mediation on 20 January.
  const clock = new FixedClock(new Date('2027-02-10T12:00:00Z'));
  let app: ReturnType<typeof caseworkHarness>;
  let caseId: string;

  const milestoneEvents = async () =>
    (
      await casework.$queryRawUnsafe<{ data: Record<string, string> }[]>(
        `SELECT envelope->'data' AS data FROM casework.outbox WHERE envelope->>'type' = 'casework.case.milestone.v1' ORDER BY position`,
      )
    ).map((r) => r.data);
  const held = (sessionId: string, milestone: string | null, heldAt: string, onCase = caseId) =>
    ({
      id: uuidv7(),
      organisationid: provider,
      correlationid: 'c',
      data: { sessionId, caseId: onCase, contractId, sessionType: 'mediation', milestone, heldAt, attendees: { staffIds: [], partyNames: [] } },
    }) as unknown as EventEnvelope<EventData<typeof SessionHeldV1>>;
  const recordHeld = (event: EventEnvelope<EventData<typeof SessionHeldV1>>) =>
    casework.run((tx) => app.recordHeldSession.execute(tx, event), { organisationId: provider });

  async function open(serviceLine: string, dates: Record<string, string>): Promise<string> {
    const referral = {
      id: uuidv7(),
      organisationid: provider,
      correlationid: 'c',
      data: {
        referralId: uuidv7(),
        reference: `REF-2027-${uuidv7().slice(-6)}`,
        contractId,
        serviceLine,
        referrer: { name: 'Parent', email: 'parent@example.com' },
        parties: [{ role: 'parent', name: 'Pat Parent' }],
        receivedAt: '2027-02-10T11:59:00Z',
        contractVersion: 1,
        dates,
      },
    } as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;
    await casework.run((tx) => app.openCase.execute(tx, referral), { organisationId: provider });
    return (await app.listCases.execute(meta, { limit: 50 })).items.find((c) => c.reference === referral.data.reference)!.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase('enteredlate');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    const published = {
      id: uuidv7(),
      organisationid: provider,
      data: { contractId, version: 1, status: 'active', template: 'send', definition: DEFINITION },
    } as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;
    await casework.run((tx) => app.recordContract.execute(tx, published), { organisationId: provider });
    caseId = await open('send-mediation', { decisionLetterDate: '2026-12-01', laInformedDate: '2027-01-04' });
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('the case began with its history: the earliest form date that has happened (the decision letter), not the moment it was typed in', async () => {
    expect(await app.getCase.execute(meta, caseId)).toMatchObject({ receivedAt: '2027-02-10T11:59:00.000Z', beganAt: '2026-12-01T00:00:00.000Z' });
  });

  it('a certificate cannot certify what the case does not show: after-mediation with no mediation held is a 409 naming kind', async () => {
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2027-01-21T10:00:00Z' }))).toMatchObject({
      status: 409,
      errors: [{ field: 'kind', code: 'not-certifiable' }],
    });
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'declined', issuedAt: '2027-01-21T10:00:00Z' }))).toMatchObject({
      status: 409,
      errors: [{ field: 'kind', code: 'not-certifiable' }],
    });
  });

  it('the mediation held on 20 January (scheduling.session.held.v1) reaches the case’s milestones, timeline and events, once however often it arrives', async () => {
    const sessionId = uuidv7();
    const event = held(sessionId, 'mediation.held', '2027-01-20T10:00:00.000Z');
    await recordHeld(event);
    await recordHeld(held(sessionId, 'mediation.held', '2027-01-20T10:00:00.000Z'));
    await recordHeld(held(uuidv7(), null, '2027-01-19T10:00:00.000Z'));
    expect((await app.listMilestones.execute(meta, caseId)).items).toEqual([
      expect.objectContaining({ milestone: 'mediation.held', occurredAt: '2027-01-20T10:00:00.000Z', source: `session:${sessionId}` }),
    ]);
    expect((await milestoneEvents()).filter((m) => m.caseId === caseId)).toEqual([
      expect.objectContaining({ milestone: 'mediation.held', occurredAt: '2027-01-20T10:00:00.000Z', source: `session:${sessionId}` }),
    ]);
    expect((await app.timeline.execute(meta, caseId)).entries.filter((e) => e.kind === 'milestone').map((e) => [e.at, e.refId.length > 0])).toEqual([
      ['2027-01-20T10:00:00.000Z', true],
    ]);
  });

  it('the certificate is dated within the case and not before what it certifies: 2019 is before the case, 19 January before the mediation', async () => {
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2019-06-01T10:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'issuedAt', code: 'before_case' }],
    });
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2027-01-19T10:00:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'issuedAt', code: 'before_certified' }],
    });
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2027-02-10T12:00:01Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'issuedAt', code: 'in_future' }],
    });
    expect(await app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2027-01-21T10:00:00Z' })).toMatchObject({
      kind: 'after-mediation',
      issuedAt: '2027-01-21T10:00:00.000Z',
      supersedes: null,
      supersededBy: null,
    });
  });

  it('one current certificate per case: a second is refused unless it replaces the current one, naming it and why; the clocks keep the first', async () => {
    const [first] = (await app.listCertificates.execute(meta, caseId)).items;
    expect(await problemOf(app.issueCertificate.execute(meta, caseId, { kind: 'after-mediation', issuedAt: '2027-01-22T10:00:00Z' }))).toMatchObject({
      status: 409,
      errors: [{ field: 'replaces', code: 'certificate-exists' }],
    });
    expect(
      await problemOf(
        app.issueCertificate.execute(meta, caseId, {
          kind: 'after-mediation',
          issuedAt: '2027-01-22T10:00:00Z',
          replaces: { certificateId: uuidv7(), reason: 'typo' },
        }),
      ),
    ).toMatchObject({ status: 409, errors: [{ field: 'replaces.certificateId', code: 'not-current' }] });
    const replacement = await app.issueCertificate.execute(meta, caseId, {
      kind: 'after-mediation',
      issuedAt: '2027-01-22T10:00:00Z',
      replaces: { certificateId: first.id, reason: 'The first named the wrong decision.' },
    });
    expect(replacement).toMatchObject({ supersedes: first.id, replacementReason: 'The first named the wrong decision.', supersededBy: null });
    expect((await app.listCertificates.execute(meta, caseId)).items).toEqual([
      expect.objectContaining({ id: first.id, supersededBy: replacement.id, supersededAt: '2027-02-10T12:00:00.000Z' }),
      expect.objectContaining({ id: replacement.id, supersededBy: null }),
    ]);
    expect((await milestoneEvents()).filter((m) => m.caseId === caseId && m.milestone === 'certificate.issued')).toEqual([
      expect.objectContaining({ occurredAt: '2027-01-21T10:00:00.000Z', source: `certificate:${first.id}` }),
    ]);
  });

  it('a milestone recorded by hand may be dated back to the day the LA was told, not before the case began', async () => {
    const declined = await open('send-mediation', { decisionLetterDate: '2026-12-01', laInformedDate: '2027-01-04' });
    expect(await problemOf(app.recordMilestone.execute(meta, declined, { milestone: 'mediation.declined', occurredAt: '2026-11-30T23:00:00Z' }))).toMatchObject(
      { status: 400, errors: [{ field: 'occurredAt', code: 'before_case' }] },
    );
    expect(await app.recordMilestone.execute(meta, declined, { milestone: 'mediation.declined', occurredAt: '2027-01-10T10:00:00Z' })).toMatchObject({
      milestone: 'mediation.declined',
      occurredAt: '2027-01-10T10:00:00.000Z',
    });
    expect(await app.issueCertificate.execute(meta, declined, { kind: 'declined', issuedAt: '2027-01-12T15:00:00Z' })).toMatchObject({ kind: 'declined' });
  });

  it('pre-CMH: a data return received and a workshop delivered are recorded on the case, as the line’s KPIs count them', async () => {
    const meeting = await open('pre-cmh', {});
    clock.at = new Date('2027-02-10T12:05:00Z');
    for (const milestone of ['data-return.received', 'workshop.delivered'])
      expect(await app.recordMilestone.execute(meta, meeting, { milestone, occurredAt: '2027-02-10T12:01:00Z' })).toMatchObject({ milestone });
    expect(await problemOf(app.recordMilestone.execute(meta, meeting, { milestone: 'mediation.held', occurredAt: '2027-02-10T12:01:00Z' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'milestone', code: 'unknown_milestone' }],
    });
  });
});
