import {
  DeadlineDueSoonV1,
  uuidv7,
  type ContractPublishedV2,
  type DeliverySentV1,
  type EventData,
  type EventEnvelope,
  type ReferralReceivedV2,
  type RpcMeta,
} from '@mediation/protocol';
import { createTestDatabase, FixedClock, problemOf, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(90_000);

const providerA = '01a40000-0000-7000-8000-00000000000a';
const providerB = '01a40000-0000-7000-8000-00000000000b';
const contractId = '01a40000-0000-7000-8000-0000000000c1';
const contractOfB = '01a40000-0000-7000-8000-0000000000c2';
const meta = (organisationId = providerA): RpcMeta => ({ organisationId, actorId: 'user-1', actorType: 'user', correlationId: uuidv7() });

/** A housing-like line: the standard workflow, a hearing date, a contact clock, the spec's outcomes. */
const DEFINITION = {
  reference: 'LB-HMS-2026',
  title: 'Housing mediation services',
  buyers: [{ name: 'The Council', role: 'council' }],
  origin: { template: 'housing-asb' },
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise nuisance',
      form: {
        fields: [
          { key: 'hearingDate', label: 'Hearing', type: 'date' },
          { key: 'noticeServedAt', label: 'Notice served', type: 'datetime' },
          { key: 'diagnosisDate', label: 'Diagnosis', type: 'date', sensitivity: 'special-category' },
          { key: 'vulnerabilities', label: 'Vulnerabilities', type: 'longtext', sensitivity: 'special-category' },
        ],
      },
      outcomes: [
        { key: 'good-neighbour-agreement', label: 'Good neighbour agreement', expected: true },
        { key: 'closed-other', label: 'Other', expected: false },
      ],
      deadlineRules: [
        {
          key: 'initial-contact',
          label: 'Initial contact',
          startEvent: 'referral.received',
          stopEvent: 'contact.made',
          due: { kind: 'calendar-days', days: 14 },
          basis: { kind: 'contractual', text: 'Two weeks.', source: { document: 'seed 001', section: '§7.1' } },
        },
      ],
      londonLivingWage: { required: true },
      dataRetentionMonths: 72,
    },
  ],
};

const published = (organisationId: string): EventEnvelope<EventData<typeof ContractPublishedV2>> =>
  ({
    id: uuidv7(),
    organisationid: organisationId,
    correlationid: 'c',
    data: {
      contractId: organisationId === providerA ? contractId : contractOfB,
      version: 1,
      status: 'active',
      template: 'housing-asb',
      definition: DEFINITION,
    },
  }) as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;

function referral(organisationId: string, overrides: Partial<EventData<typeof ReferralReceivedV2>> = {}): EventEnvelope<EventData<typeof ReferralReceivedV2>> {
  const data = {
    referralId: uuidv7(),
    reference: `REF-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    contractId,
    serviceLine: 'noise',
    externalReference: `HSG-${uuidv7().slice(-6)}`,
    referrer: { name: 'Olu Officer', email: 'olu@council.example', organisation: 'The Council' },
    parties: [
      { role: 'complainant', name: 'Ada Tenant', email: 'ada@example.com' },
      { role: 'respondent', name: 'Ben Neighbour', phone: '07700900123' },
    ],
    receivedAt: '2026-03-02T10:00:00.000Z',
    contractVersion: 1,
    clockStartsAt: '2026-03-02T10:00:00.000Z',
    dates: { hearingDate: '2026-05-01' },
    ...overrides,
  } as EventData<typeof ReferralReceivedV2>;
  return { id: uuidv7(), organisationid: organisationId, correlationid: 'corr', data } as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;
}

describe('the life of a case, over a real database', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const clock = new FixedClock(new Date('2026-03-02T11:00:00Z'));
  let app: ReturnType<typeof caseworkHarness>;
  let caseId: string;
  let firstReferral: ReturnType<typeof referral>;

  const outbox = (type: string) =>
    casework.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 ORDER BY position`,
      type,
    );
  const asOwner = <T>(sql: string) => casework.run((tx) => tx.$queryRawUnsafe<T[]>(sql), { organisationId: providerA });

  beforeAll(async () => {
    db = await createTestDatabase('caselife');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    for (const org of [providerA, providerB]) await casework.run((tx) => app.recordContract.execute(tx, published(org)), { organisationId: org });
    firstReferral = referral(providerA);
    await casework.run((tx) => app.openCase.execute(tx, firstReferral), { organisationId: providerA });
    await casework.run((tx) => app.openCase.execute(tx, firstReferral), { organisationId: providerA });
    const page = await app.listCases.execute(meta(), { limit: 50 });
    caseId = page.items[0].id;
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('a referral opens one case, however often it arrives, with its dates, referrer and parties, and says so in v1 and v2 alike', async () => {
    const page = await app.listCases.execute(meta(), { limit: 50 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      status: 'referred',
      receivedAt: '2026-03-02T10:00:00.000Z',
      clockStartsAt: '2026-03-02T10:00:00.000Z',
      dates: { hearingDate: '2026-05-01' },
      referrer: { email: 'olu@council.example' },
      allowedTransitions: [
        { to: 'accepted', requires: ['case-manager'] },
        { to: 'rejected', requires: ['reason'] },
      ],
    });
    expect(
      (await app.listParties.execute(meta(), caseId, false)).items.map((p) => [p.role, p.name, p.email, p.phone, p.source, p.hasAccessibilityNeeds]),
    ).toEqual([
      ['complainant', 'Ada Tenant', 'ada@example.com', null, 'referral', false],
      ['respondent', 'Ben Neighbour', null, '07700900123', 'referral', false],
    ]);
    // v1 subscribers keep receiving the opening beside v2 (versions are added, never replaced).
    expect((await outbox('casework.case.opened.v1')).map((e) => e.envelope.data)).toEqual([
      {
        caseId,
        referralId: firstReferral.data.referralId,
        reference: firstReferral.data.reference,
        contractId,
        serviceLine: 'noise',
        openedAt: '2026-03-02T11:00:00.000Z',
      },
    ]);
    expect((await outbox('casework.case.opened.v2'))[0].envelope.data).toMatchObject({
      caseId,
      contractVersion: 1,
      clockStartsAt: '2026-03-02T10:00:00.000Z',
      dates: { hearingDate: '2026-05-01' },
    });
  });

  it('a repeat referral of the same matter while the case is open is linked to it, not a new case, its parties not added', async () => {
    const repeat = referral(providerA, { externalReference: firstReferral.data.externalReference, contactAnswers: { victimContactAllowed: false } });
    await casework.run((tx) => app.openCase.execute(tx, repeat), { organisationId: providerA });
    expect((await app.listCases.execute(meta(), { limit: 50 })).items).toHaveLength(1);
    expect((await app.listParties.execute(meta(), caseId, false)).items).toHaveLength(2);
    // The case keeps the no the repeat referral gave.
    expect(await asOwner(`SELECT contact_answers FROM casework."case" WHERE id = '${caseId}'`)).toEqual([{ contact_answers: { victimContactAllowed: false } }]);
    expect((await app.getCase.execute(meta(), caseId)).linkedReferralIds).toEqual([repeat.data.referralId]);
    expect((await outbox('casework.case.referral-linked.v1'))[0].envelope.data).toMatchObject({ caseId, referralId: repeat.data.referralId });
  });

  it('joining a case is a change of it: the referral-linked event comes after the opening in the case’s sequence', async () => {
    const sequences = await casework.$queryRawUnsafe<{ type: string; sequence: number }[]>(
      `SELECT envelope->>'type' AS type, (envelope->>'sequence')::int AS sequence FROM casework.outbox WHERE envelope->>'subject' = $1 ORDER BY position`,
      caseId,
    );
    const opened = sequences.find((e) => e.type === 'casework.case.opened.v2')!.sequence;
    expect(sequences.find((e) => e.type === 'casework.case.referral-linked.v1')!.sequence).toBe(opened + 1);
    expect(await asOwner<{ version: number }>(`SELECT version FROM casework."case" WHERE id = '${caseId}'`)).toEqual([{ version: opened + 1 }]);
  });

  it('accepting needs a case manager; an invalid move is a 409 naming the allowed ones', async () => {
    expect(await problemOf(app.transition.execute(meta(), caseId, { to: 'accepted' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/Assign a case manager/),
    });
    expect(await problemOf(app.transition.execute(meta(), caseId, { to: 'in-progress' }))).toMatchObject({
      status: 409,
      detail: 'A case cannot move from "referred" to "in-progress". From "referred" the workflow allows: accepted, rejected.',
    });
    await app.assign.execute(meta(), { caseId, staffId: uuidv7(), role: 'case-manager', name: 'Cara Manager', email: 'cara@provider.example' });
    expect(
      await problemOf(
        app.assign.execute(meta(), {
          caseId,
          staffId: (await app.getCase.execute(meta(), caseId)).assignments[0].staffId,
          role: 'case-manager',
          name: 'Cara Manager',
          email: 'cara@provider.example',
        }),
      ),
    ).toMatchObject({ status: 409 });
    expect((await app.transition.execute(meta(), caseId, { to: 'accepted' })).status).toBe('accepted');
    expect((await outbox('casework.case.assigned.v1'))[0].envelope.data).toMatchObject({ caseId, role: 'case-manager', staff: { name: 'Cara Manager' } });
  });

  it('contacting reaches contact.made, published as a milestone with when it happened', async () => {
    const view = await app.transition.execute(meta(), caseId, { to: 'contacted', occurredAt: '2026-03-02T10:30:00Z' });
    expect(view.status).toBe('contacted');
    expect((await outbox('casework.case.milestone.v1')).map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({ caseId, milestone: 'contact.made', occurredAt: '2026-03-02T10:30:00.000Z', source: 'status:contacted' }),
    ]);
    expect((await outbox('casework.case.status-changed.v1')).map((e) => `${e.envelope.data.from}>${e.envelope.data.to}`)).toEqual([
      'referred>accepted',
      'accepted>contacted',
    ]);
  });

  it('a manual milestone must be one the line’s clocks use', async () => {
    expect(await problemOf(app.recordMilestone.execute(meta(), caseId, { milestone: 'mediation.declined', occurredAt: '2026-03-02T10:40:00Z' }))).toMatchObject(
      { status: 400, errors: [{ field: 'milestone', code: 'unknown_milestone' }] },
    );
    expect((await app.recordMilestone.execute(meta(), caseId, { milestone: 'contact.made', occurredAt: '2026-03-02T10:45:00Z' })).source).toBe('manual:user-1');
  });

  it('dates change only for the form’s non-sensitive date fields, and the change is published', async () => {
    expect(await problemOf(app.changeDates.execute(meta(), caseId, { diagnosisDate: '2026-01-01' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'diagnosisDate', code: 'unknown_date_field' }],
    });
    expect(await problemOf(app.changeDates.execute(meta(), caseId, { hearingDate: '1 May' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'hearingDate', code: 'invalid_format' }],
    });
    expect((await app.changeDates.execute(meta(), caseId, { hearingDate: '2026-06-10', noticeServedAt: '2026-03-01T09:00:00+00:00' })).dates).toEqual({
      hearingDate: '2026-06-10',
      noticeServedAt: '2026-03-01T09:00:00+00:00',
    });
    expect((await outbox('casework.case.dates-changed.v1'))[0].envelope.data).toMatchObject({ changed: ['hearingDate', 'noticeServedAt'] });
  });

  it('a sensitive note and access needs are sealed at rest, kept off plain reads, opened only on the sensitive read', async () => {
    await app.addNote.execute(meta(), caseId, { body: 'Ada described the noise at night.', sensitive: false });
    await app.addNote.execute(meta(), caseId, { body: 'Ben disclosed a mental-health condition.', sensitive: true });
    await app.addParty.execute(meta(), caseId, {
      role: 'landlord',
      name: 'Council housing',
      accessibilityNeeds: 'Wheelchair user; needs step-free access',
      interpreterLanguage: 'Polish',
      contactPreferences: { channels: ['letter', 'phone'], times: 'mornings' },
    });
    const stored = await asOwner<{ body: string }>(`SELECT body FROM casework.note WHERE sensitive`);
    expect(stored[0].body).not.toContain('mental-health');
    const sealedNeeds = await asOwner<{ accessibility_needs_sealed: string }>(
      `SELECT accessibility_needs_sealed FROM casework.party WHERE accessibility_needs_sealed IS NOT NULL`,
    );
    expect(sealedNeeds[0].accessibility_needs_sealed).not.toContain('Wheelchair');
    expect((await app.listNotes.execute(meta(), caseId, false)).items.map((n) => n.body)).toEqual(['Ada described the noise at night.']);
    expect((await app.listNotes.execute(meta(), caseId, true)).items.map((n) => n.body)).toEqual([
      'Ada described the noise at night.',
      'Ben disclosed a mental-health condition.',
    ]);
    const plain = (await app.listParties.execute(meta(), caseId, false)).items.find((p) => p.role === 'landlord')!;
    expect([plain.hasAccessibilityNeeds, plain.accessibilityNeeds, plain.interpreterLanguage]).toEqual([true, undefined, 'Polish']);
    expect((await app.listParties.execute(meta(), caseId, true)).items.find((p) => p.role === 'landlord')!.accessibilityNeeds).toBe(
      'Wheelchair user; needs step-free access',
    );
  });

  it('tasks, risk and multi-agency involvement are recorded with their dates', async () => {
    const task = await app.addTask.execute(meta(), caseId, { title: 'Book the joint visit', dueOn: '2026-03-09' });
    expect((await app.completeTask.execute(meta(), caseId, task.id)).completedAt).toBe('2026-03-02T11:00:00.000Z');
    expect(await problemOf(app.completeTask.execute(meta(), caseId, task.id))).toMatchObject({ status: 409 });
    expect(await problemOf(app.recordRisk.execute(meta(), caseId, { level: 'high', factors: [], reviewOn: '2026-01-01' }))).toMatchObject({
      errors: [{ field: 'reviewOn' }],
    });
    expect((await app.recordRisk.execute(meta(), caseId, { level: 'medium', factors: ['Verbal aggression reported'], reviewOn: '2026-04-01' })).reviewOn).toBe(
      '2026-04-01',
    );
    expect(await app.startMultiAgency.execute(meta(), caseId, { agencies: ['Police', 'Adult social care'], from: '2026-03-02' })).toMatchObject({
      from: '2026-03-02',
      to: null,
    });
  });

  it('the communications log takes manual entries and what notify sent (by case or by referral), and refuses to be rewritten', async () => {
    await app.logCommunication.execute(meta(), caseId, {
      direction: 'in',
      channel: 'call',
      counterpart: 'Ada Tenant',
      summary: 'Agreed a visit',
      occurredAt: '2026-03-02T10:30:00Z',
    });
    expect(
      await problemOf(
        app.logCommunication.execute(meta(), caseId, {
          direction: 'in',
          channel: 'call',
          counterpart: 'x',
          partyId: uuidv7(),
          occurredAt: '2026-03-02T10:30:00Z',
        }),
      ),
    ).toMatchObject({ errors: [{ field: 'partyId' }] });
    const sent = (data: Partial<EventData<typeof DeliverySentV1>>) =>
      ({
        id: uuidv7(),
        organisationid: providerA,
        data: {
          deliveryId: uuidv7(),
          channel: 'email',
          kind: 'referral-acknowledgement',
          to: 'olu@council.example',
          subjectLine: 'Referral received',
          sentAt: '2026-03-02T10:00:30Z',
          ...data,
        },
      }) as unknown as EventEnvelope<EventData<typeof DeliverySentV1>>;
    const versionOfCase = async () => (await asOwner<{ version: number }>(`SELECT version FROM casework."case" WHERE id = '${caseId}'`))[0].version;
    const before = await versionOfCase();
    const ack = sent({ referralId: firstReferral.data.referralId });
    await casework.run((tx) => app.recordDelivery.execute(tx, ack), { organisationId: providerA });
    await casework.run((tx) => app.recordDelivery.execute(tx, ack), { organisationId: providerA });
    // A redelivered acknowledgement is logged once and moves the case on once.
    expect(await versionOfCase()).toBe(before + 1);
    const [linkedReferralId] = (await app.getCase.execute(meta(), caseId)).linkedReferralIds;
    await casework.run((tx) => app.recordDelivery.execute(tx, sent({ referralId: linkedReferralId, to: 'joined@council.example' })), {
      organisationId: providerA,
    });
    await casework.run((tx) => app.recordDelivery.execute(tx, sent({ caseId, kind: 'case-report' })), { organisationId: providerA });
    await expect(casework.run((tx) => app.recordDelivery.execute(tx, sent({ referralId: uuidv7() })), { organisationId: providerA })).rejects.toThrow(
      /no case yet/,
    );
    // A delivery naming no case of the tenant's is not casework's record: nothing is logged, nothing retried.
    await casework.run((tx) => app.recordDelivery.execute(tx, sent({ caseId: uuidv7(), kind: 'case-report' })), { organisationId: providerA });
    expect(await versionOfCase()).toBe(before + 3);
    const rows = await asOwner<{ case_id: string; source: string; counterpart: string }>(
      `SELECT case_id::text, source, counterpart FROM casework.communication ORDER BY source, counterpart`,
    );
    expect(rows.map((r) => `${r.case_id === caseId ? 'case' : r.case_id}:${r.source}:${r.counterpart}`)).toEqual([
      'case:manual:Ada Tenant',
      'case:notify:joined@council.example',
      'case:notify:olu@council.example',
      'case:notify:olu@council.example',
    ]);
    await expect(
      casework.run((tx) => tx.$executeRawUnsafe(`UPDATE casework.communication SET summary = 'rewritten'`), { organisationId: providerA }),
    ).rejects.toThrow(/append-only/);
    await expect(casework.run((tx) => tx.$executeRawUnsafe(`DELETE FROM casework.communication`), { organisationId: providerA })).rejects.toThrow(
      /append-only/,
    );
  });

  it('a complaint goes received -> acknowledged -> resolved, in order and dated in order', async () => {
    const complaint = await app.receiveComplaint.execute(meta(), caseId, {
      complainant: 'Ben Neighbour',
      summary: 'Not told about the visit',
      receivedAt: '2026-03-02T09:00:00Z',
    });
    expect(
      await problemOf(
        app.resolveComplaint.execute(meta(), caseId, complaint.id, { resolvedAt: '2026-03-02T10:00:00Z', finding: 'upheld', resolution: 'Apology' }),
      ),
    ).toMatchObject({ status: 409, detail: 'Acknowledge the complaint before resolving it.' });
    expect(await problemOf(app.acknowledgeComplaint.execute(meta(), caseId, complaint.id, '2026-03-01T09:00:00Z'))).toMatchObject({
      errors: [{ field: 'acknowledgedAt', code: 'out_of_order' }],
    });
    await app.acknowledgeComplaint.execute(meta(), caseId, complaint.id, '2026-03-02T09:30:00Z');
    expect(
      await app.resolveComplaint.execute(meta(), caseId, complaint.id, {
        resolvedAt: '2026-03-02T10:00:00Z',
        finding: 'upheld',
        resolution: 'Apology; visits confirmed in writing',
      }),
    ).toMatchObject({ status: 'resolved', finding: 'upheld' });
  });

  it('a housing case issues no SEND certificate', async () => {
    expect(await problemOf(app.issueCertificate.execute(meta(), caseId, { kind: 'declined', issuedAt: '2026-03-02T10:00:00Z' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/issues no mediation certificates/),
    });
  });

  it('closing needs an outcome from the list; reopening within 12 months counts; after 12 months it is refused', async () => {
    await app.transition.execute(meta(), caseId, { to: 'in-progress' });
    expect(await problemOf(app.close.execute(meta(), caseId, { outcome: 'happy' }))).toMatchObject({
      status: 400,
      errors: [{ field: 'outcome', code: 'unknown_outcome' }],
    });
    const closed = await app.close.execute(meta(), caseId, { outcome: 'good-neighbour-agreement', reason: 'Agreement signed' });
    expect([closed.status, closed.outcome, closed.closedAt]).toEqual(['closed', 'good-neighbour-agreement', '2026-03-02T11:00:00.000Z']);
    expect((await outbox('casework.case.closed.v1'))[0].envelope.data).toMatchObject({
      outcome: 'good-neighbour-agreement',
      outcomeExpected: true,
      timesReopened: 0,
    });

    clock.at = new Date('2026-09-01T09:00:00Z');
    const reopened = await app.reopen.execute(meta(), caseId, { reason: 'The noise started again' });
    // Open again: neither an outcome nor a closure date until it closes again; the earlier closure stays in its status history.
    expect([reopened.status, reopened.timesReopened, reopened.outcome, reopened.closedAt]).toEqual(['in-progress', 1, null, null]);
    expect((await app.getCase.execute(meta(), caseId)).closedAt).toBeNull();
    expect((await app.listCases.execute(meta(), { limit: 50, status: 'in-progress' })).items.find((c) => c.id === caseId)).toMatchObject({
      closedAt: null,
      outcome: null,
    });
    expect((await outbox('casework.case.reopened.v1'))[0].envelope.data).toMatchObject({
      countsAsReopened: true,
      previouslyClosedAt: '2026-03-02T11:00:00.000Z',
    });

    const closedAgain = await app.close.execute(meta(), caseId, { outcome: 'closed-other' });
    expect(closedAgain.closedAt).toBe('2026-09-01T09:00:00.000Z');
    expect((await outbox('casework.case.closed.v1'))[1].envelope.data).toMatchObject({ timesReopened: 1 });
    clock.at = new Date('2027-09-02T09:00:00Z');
    expect(await problemOf(app.reopen.execute(meta(), caseId, { reason: 'Again' }))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/more than 12 months ago.*new referral/),
    });
  });

  it('a new referral of the matter after closure opens a new case', async () => {
    await casework.run((tx) => app.openCase.execute(tx, referral(providerA, { externalReference: firstReferral.data.externalReference })), {
      organisationId: providerA,
    });
    expect((await app.listCases.execute(meta(), { limit: 50 })).items).toHaveLength(2);
  });

  it('the timeline tells the story in order, without the sensitive note', async () => {
    const { entries } = await app.timeline.execute(meta(), caseId);
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['assignment', 'communication', 'complaint', 'milestone', 'note', 'risk', 'status', 'task', 'task-completed']);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(JSON.stringify(entries)).not.toContain('mental-health');
    expect(entries.filter((e) => e.kind === 'status').map((e) => e.summary)).toContain('closed -> in-progress (reopened): The noise started again');
  });

  it('lists filter by status and assignee and page by cursor', async () => {
    const staffId = (await app.getCase.execute(meta(), caseId)).assignments[0].staffId;
    expect((await app.listCases.execute(meta(), { limit: 50, assigneeStaffId: staffId })).items.map((c) => c.id)).toEqual([caseId]);
    expect((await app.listCases.execute(meta(), { limit: 50, status: 'referred' })).items).toHaveLength(1);
    const first = await app.listCases.execute(meta(), { limit: 1 });
    const second = await app.listCases.execute(meta(), { limit: 1, cursor: first.nextCursor! });
    expect([first.items.length, second.items.length, second.nextCursor, first.items[0].id === second.items[0].id]).toEqual([1, 1, null, false]);
    expect((await app.listCases.execute({ ...meta(), restrictToContracts: [] }, { limit: 50 })).items).toEqual([]);
  });

  it('a subject-access export finds the person as a party or as the referrer, with their own records only', async () => {
    const ada = await app.exportPerson.execute(meta(), { email: 'ADA@example.com' });
    // Both cases of the matter name her: the first, and the one opened by the referral after it closed.
    expect(ada.cases.map((c) => c.capacity)).toEqual([['party'], ['party']]);
    expect(ada.cases.find((c) => c.caseId === caseId)!.parties.map((p) => p.name)).toEqual(['Ada Tenant']);
    const officer = await app.exportPerson.execute(meta(), { email: 'olu@council.example' });
    expect(officer.cases.find((c) => c.caseId === caseId)).toMatchObject({
      capacity: ['referrer'],
      parties: [],
      communications: [expect.objectContaining({ counterpart: 'olu@council.example' }), expect.objectContaining({ counterpart: 'olu@council.example' })],
    });
    expect((await app.exportPerson.execute(meta(providerB), { email: 'ada@example.com' })).cases).toEqual([]);
  });

  it('the export lists the deadline reminders issued to the person’s own party records, and nobody else’s', async () => {
    const deadlineId = uuidv7();
    const dueSoon = (data: Record<string, unknown>): EventEnvelope<EventData<typeof DeadlineDueSoonV1>> =>
      ({
        id: uuidv7(),
        organisationid: providerA,
        correlationid: `deadline-${deadlineId}`,
        data: DeadlineDueSoonV1.schema.parse({
          deadlineId,
          caseId,
          rule: 'initial-contact',
          label: 'Initial contact',
          dueAt: '2027-09-16T16:00:00.000Z',
          reference: 'REF',
          remindedAt: clock.at.toISOString(),
          recipients: [],
          audience: ['parties'],
          revision: 1,
          ...data,
        }),
      }) as unknown as EventEnvelope<EventData<typeof DeadlineDueSoonV1>>;
    const remind = (event: ReturnType<typeof dueSoon>) => casework.run((tx) => app.remindParties.execute(tx, event), { organisationId: providerA });
    const firstAt = clock.at;
    expect(await remind(dueSoon({ reminder: 0 }))).toBeGreaterThan(0);
    clock.at = new Date(firstAt.getTime() + 86_400_000);
    // The deadline moved (revision 2): the party is reminded again, of the new date.
    expect(await remind(dueSoon({ revision: 2, reminder: 0, dueAt: '2027-09-23T16:00:00.000Z' }))).toBeGreaterThan(0);
    const secondAt = clock.at;
    clock.at = firstAt;

    const ada = await app.exportPerson.execute(meta(), { email: 'ada@example.com' });
    const adaParty = ada.cases.find((c) => c.caseId === caseId)!.parties[0];
    expect(ada.cases.find((c) => c.caseId === caseId)!.reminders).toEqual([
      {
        id: expect.any(String),
        partyId: adaParty.id,
        deadlineId,
        rule: 'initial-contact',
        label: 'Initial contact',
        dueAt: '2027-09-16T16:00:00.000Z',
        issuedAt: firstAt.toISOString(),
      },
      {
        id: expect.any(String),
        partyId: adaParty.id,
        deadlineId,
        rule: 'initial-contact',
        label: 'Initial contact',
        dueAt: '2027-09-23T16:00:00.000Z',
        issuedAt: secondAt.toISOString(),
      },
    ]);
    // Her other case had no reminder; the referrer, who is no party, and another provider see none.
    expect(ada.cases.filter((c) => c.caseId !== caseId).map((c) => c.reminders)).toEqual([[]]);
    expect((await app.exportPerson.execute(meta(), { email: 'olu@council.example' })).cases.find((c) => c.caseId === caseId)!.reminders).toEqual([]);
  });

  it('a party without an email is found by name with the referrals intake found by name and postcode, or a party address giving the postcode', async () => {
    const ben = await app.exportPerson.execute(meta(), { name: 'ben  NEIGHBOUR', postcode: 'N1 9GU', referralIds: [firstReferral.data.referralId] });
    expect(ben.cases.map((c) => [c.caseId, c.capacity])).toEqual([[caseId, ['party']]]);
    expect(ben.cases[0].parties.map((p) => p.name)).toEqual(['Ben Neighbour']);
    // Without a referral naming him and no address on his record, the name alone finds nothing.
    expect((await app.exportPerson.execute(meta(), { name: 'Ben Neighbour', postcode: 'N1 9GU', referralIds: [] })).cases).toEqual([]);
    await app.addParty.execute(meta(), caseId, { role: 'participant', name: 'Cy Witness', address: '4 Upper Street, London n1 9gu' });
    expect((await app.exportPerson.execute(meta(), { name: 'cy witness', postcode: 'N19GU' })).cases.map((c) => c.parties.map((p) => p.name))).toEqual([
      ['Cy Witness'],
    ]);
    expect((await app.exportPerson.execute(meta(), { name: 'Cy Witness', postcode: 'E1 6AN' })).cases).toEqual([]);
    expect(
      (await app.exportPerson.execute(meta(providerB), { name: 'Ben Neighbour', postcode: 'N1 9GU', referralIds: [firstReferral.data.referralId] })).cases,
    ).toEqual([]);
  });

  it("provider B sees none of A's case, by id or by list", async () => {
    expect(await problemOf(app.getCase.execute(meta(providerB), caseId))).toMatchObject({ status: 404 });
    expect(await problemOf(app.addNote.execute(meta(providerB), caseId, { body: 'x', sensitive: false }))).toMatchObject({ status: 404 });
    expect((await app.listCases.execute(meta(providerB), { limit: 50 })).items).toEqual([]);
  });

  const TABLES = [
    'contract_version',
    'case_referral',
    'case_status_change',
    'party',
    'assignment',
    'note',
    'task',
    'risk_assessment',
    'multi_agency_involvement',
    'communication',
    'complaint',
    'milestone',
    'certificate',
  ];

  it.each(TABLES)('row-level security on %s: nothing without a tenant, nothing of another tenant, no writing into it', async (table) => {
    const count = (organisationId?: string) =>
      casework.run(
        async (tx) => Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM casework."${table}"`))[0].n),
        organisationId ? { organisationId } : {},
      );
    if (table !== 'certificate') expect(await count(providerA)).toBeGreaterThan(0);
    expect(await count()).toBe(0);
    const [{ forced, enabled }] = await casework.$queryRawUnsafe<{ forced: boolean; enabled: boolean }[]>(
      `SELECT relforcerowsecurity AS forced, relrowsecurity AS enabled FROM pg_class WHERE oid = 'casework."${table}"'::regclass`,
    );
    expect([enabled, forced]).toEqual([true, true]);
    const bSees = await count(providerB);
    expect(bSees).toBe(table === 'contract_version' ? 1 : 0);
    const moveIntoA = casework.run((tx) => tx.$executeRawUnsafe(`UPDATE casework."${table}" SET organisation_id = $1::uuid`, providerA), {
      organisationId: providerB,
    });
    // B's own rows cannot be moved into A's books; A's rows are not even visible to B's update.
    if (bSees > 0) await expect(moveIntoA).rejects.toThrow(/row-level security/);
    else await expect(moveIntoA).resolves.toBe(0);
  });

  describe('later referrals of other matters', () => {
    const openFresh = async (overrides: Partial<EventData<typeof ReferralReceivedV2>> = {}) => {
      const fresh = referral(providerA, { parties: [{ role: 'complainant', name: 'Cy Tenant' }], ...overrides });
      await casework.run((tx) => app.openCase.execute(tx, fresh), { organisationId: providerA });
      return (await app.listCases.execute(meta(), { limit: 50 })).items.find((c) => c.reference === fresh.data.reference)!.id;
    };

    it('two referrals of the same matter arriving together open one case, and the other joins it', async () => {
      const externalReference = `HSG-RACE-${uuidv7().slice(-6)}`;
      const both = [referral(providerA, { externalReference, parties: [] }), referral(providerA, { externalReference, parties: [] })];
      await Promise.all(both.map((r) => casework.run((tx) => app.openCase.execute(tx, r), { organisationId: providerA })));
      const rows = await asOwner<{ id: string }>(`SELECT id FROM casework."case" WHERE external_reference = '${externalReference}'`);
      expect(rows).toHaveLength(1);
      expect((await app.getCase.execute(meta(), rows[0].id)).linkedReferralIds).toHaveLength(1);
    });

    it('a rejected or withdrawn case ends: the clocks get case.ended whatever the workflow emits, and casework.case.ended.v1 starts retention elsewhere', async () => {
      clock.at = new Date('2027-09-02T09:00:00Z');
      const rejected = await openFresh();
      await app.transition.execute(meta(), rejected, { to: 'rejected', reason: 'Not a neighbour dispute' });
      const milestones = (await outbox('casework.case.milestone.v1')).map((e) => e.envelope.data).filter((d) => d.caseId === rejected);
      expect(milestones).toEqual([expect.objectContaining({ milestone: 'case.ended', source: 'status:rejected', occurredAt: '2027-09-02T09:00:00.000Z' })]);
      expect((await outbox('casework.case.ended.v1')).map((e) => e.envelope.data).filter((d) => d.caseId === rejected)).toEqual([
        { caseId: rejected, contractId, status: 'rejected', endedAt: '2027-09-02T09:00:00.000Z' },
      ]);
      expect(await asOwner<{ ended_at: Date }>(`SELECT ended_at FROM casework."case" WHERE id = '${rejected}'`)).toEqual([
        { ended_at: new Date('2027-09-02T09:00:00Z') },
      ]);

      const withdrawn = await openFresh();
      await app.assign.execute(meta(), { caseId: withdrawn, staffId: uuidv7(), role: 'case-manager', name: 'Cara Manager', email: 'cara@provider.example' });
      await app.transition.execute(meta(), withdrawn, { to: 'accepted' });
      await app.transition.execute(meta(), withdrawn, {
        to: 'withdrawn',
        reason: 'The parties settled between themselves',
        occurredAt: '2027-09-02T08:30:00Z',
      });
      expect((await outbox('casework.case.ended.v1')).map((e) => e.envelope.data).filter((d) => d.caseId === withdrawn)).toEqual([
        expect.objectContaining({ status: 'withdrawn', endedAt: '2027-09-02T08:30:00.000Z' }),
      ]);
      expect((await outbox('casework.case.milestone.v1')).filter((e) => e.envelope.data.caseId === withdrawn).map((e) => e.envelope.data.milestone)).toEqual([
        'case.ended',
      ]);
    });

    it('a move or milestone cannot be dated before the case began nor in the future: 400 naming occurredAt', async () => {
      clock.at = new Date('2027-09-02T09:00:00Z');
      const fresh = await openFresh({ receivedAt: '2027-09-01T10:00:00.000Z', clockStartsAt: '2027-09-01T10:00:00.000Z' });
      expect(await problemOf(app.transition.execute(meta(), fresh, { to: 'rejected', reason: 'Duplicate', occurredAt: '2027-09-01T09:59:00Z' }))).toMatchObject(
        { status: 400, errors: [{ field: 'occurredAt', code: 'before_case' }] },
      );
      expect(await problemOf(app.transition.execute(meta(), fresh, { to: 'rejected', reason: 'Duplicate', occurredAt: '2027-09-02T09:01:00Z' }))).toMatchObject(
        { status: 400, errors: [{ field: 'occurredAt', code: 'in_future' }] },
      );
      expect(await problemOf(app.recordMilestone.execute(meta(), fresh, { milestone: 'contact.made', occurredAt: '2020-01-01T00:00:00Z' }))).toMatchObject({
        status: 400,
        errors: [{ field: 'occurredAt', code: 'before_case' }],
      });
      expect((await app.transition.execute(meta(), fresh, { to: 'rejected', reason: 'Duplicate', occurredAt: '2027-09-01T10:00:00Z' })).status).toBe(
        'rejected',
      );
    });

    it('closing cannot be backdated to before the case began', async () => {
      const fresh = await openFresh({ receivedAt: '2027-09-01T10:00:00.000Z' });
      await app.assign.execute(meta(), { caseId: fresh, staffId: uuidv7(), role: 'case-manager', name: 'Cara Manager', email: 'cara@provider.example' });
      for (const to of ['accepted', 'contacted']) await app.transition.execute(meta(), fresh, { to });
      expect(await problemOf(app.close.execute(meta(), fresh, { outcome: 'closed-other', occurredAt: '2026-01-01T00:00:00Z' }))).toMatchObject({
        status: 400,
        errors: [{ field: 'occurredAt', code: 'before_case' }],
      });
    });
  });
});
