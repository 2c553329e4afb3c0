import {
  uuidv7,
  type CaseClosedV1,
  type ContractPublishedV2,
  type DeadlineDueSoonV1,
  type EventData,
  type EventEnvelope,
  type PartyContact,
  type ReferralReceivedV2,
  type RpcMeta,
} from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { caseworkHarness } from '../testing/casework-harness';

jest.setTimeout(120_000);

const org = '01a60000-0000-7000-8000-00000000000a';
const meta: RpcMeta = { organisationId: org, actorId: 'manager-1', actorType: 'user', correlationId: 'contact' };
const basis = { kind: 'provider-practice' as const, text: 'copied from the template', source: { document: 'apps/intake/src/templates' } };

/**
 * Each template's contact data as apps/intake/src/templates sets it (copied, since one service never
 * imports another; intake's template-registry.spec.ts holds the templates to the same), on a line
 * pared down to what the contact rule and closing need.
 */
const TEMPLATES: Record<string, { partyContact: PartyContact; outcomes: string[]; fields?: { key: string; type: 'boolean' }[] }> = {
  'housing-asb': {
    partyContact: {
      messages: [
        {
          message: 'survey',
          roles: ['complainant', 'respondent', 'tenant', 'landlord'],
          notOnOutcomes: [{ outcomes: ['evidence-for-enforcement'], roles: ['respondent'] }],
          basis,
        },
        { message: 'deadline-reminder', roles: ['complainant', 'respondent', 'tenant', 'landlord'], notOnOutcomes: [], basis },
      ],
      permissions: [],
    },
    outcomes: ['good-neighbour-agreement', 'evidence-for-enforcement'],
  },
  possession: {
    partyContact: {
      messages: [
        { message: 'survey', roles: ['claimant', 'defendant', 'landlord', 'tenant'], notOnOutcomes: [], basis },
        { message: 'deadline-reminder', roles: ['claimant', 'defendant', 'landlord', 'tenant'], notOnOutcomes: [], basis },
      ],
      permissions: [],
    },
    outcomes: ['settled', 'not-settled'],
  },
  send: {
    partyContact: {
      messages: [
        { message: 'survey', roles: ['parent', 'young-person'], notOnOutcomes: [], basis },
        { message: 'certificate', roles: ['parent', 'young-person'], notOnOutcomes: [], basis },
        { message: 'deadline-reminder', roles: ['parent', 'young-person'], notOnOutcomes: [], basis },
      ],
      permissions: [],
    },
    outcomes: ['certificate-only'],
  },
  oocr: {
    partyContact: {
      messages: [
        { message: 'survey', roles: ['participant', 'victim'], notOnOutcomes: [], basis },
        { message: 'deadline-reminder', roles: ['participant'], notOnOutcomes: [], basis },
      ],
      permissions: [{ field: 'victimContactAllowed', roles: ['victim'], basis }],
    },
    outcomes: ['completed', 'not-completed'],
    fields: [{ key: 'victimContactAllowed', type: 'boolean' }],
  },
  'pre-cmh': {
    partyContact: {
      messages: [
        { message: 'survey', roles: ['local-authority', 'participant'], notOnOutcomes: [], basis },
        { message: 'deadline-reminder', roles: ['local-authority', 'participant'], notOnOutcomes: [], basis },
      ],
      permissions: [],
    },
    outcomes: ['held-before-cmh'],
  },
};

/** SEND's certificate route (declined -> certificate -> closed) and its appeal clock, as the template sets them. */
const SEND_WORKFLOW = {
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
      key: 'appeal-deadline',
      label: 'Appeal deadline',
      kind: 'informational',
      startEvent: 'certificate.issued',
      stopEvent: 'appeal.lodged',
      due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
      basis,
    },
  ],
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
};

const lineOf = (template: string) => {
  const t = TEMPLATES[template];
  return {
    key: template,
    name: template,
    form: {
      fields: [
        ...(t.fields ?? []).map((f) => ({ ...f, label: f.key })),
        ...(template === 'send' ? [{ key: 'decisionLetterDate', label: 'Decision letter', type: 'date' }] : []),
      ],
    },
    outcomes: t.outcomes.map((key) => ({ key, label: key, expected: true })),
    londonLivingWage: { required: false },
    dataRetentionMonths: 72,
    partyContact: t.partyContact,
    ...(template === 'send' ? SEND_WORKFLOW : {}),
  };
};

type Party = { role: string; name: string; email?: string };

describe('the contact rule, template by template: who is surveyed, reminded and sent the certificate, and the log of who is not', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let app: ReturnType<typeof caseworkHarness>;
  const clock = new FixedClock(new Date('2027-06-01T12:00:00Z'));
  const contracts: Record<string, string> = {};

  const outbox = async (type: string, caseId: string) =>
    (
      await casework.$queryRawUnsafe<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 AND envelope->'data'->>'caseId' = $2 ORDER BY position`,
        type,
        caseId,
      )
    ).map((r) => r.envelope);
  const surveyed = async (caseId: string) => (await outbox('casework.survey.issued.v2', caseId)).map((e) => (e.data.recipient as { name: string }).name).sort();
  const reminded = async (caseId: string) => (await outbox('casework.party.reminder-issued.v1', caseId)).map((e) => e.data.name).sort();
  const certified = async (caseId: string) => (await outbox('casework.party.certificate-issued.v1', caseId)).map((e) => e.data.name).sort();
  const withheld = async (caseId: string) =>
    (await app.listCommunications.execute(meta, caseId)).items.filter((c) => c.withheld).map((c) => [c.subject, c.counterpart, c.summary]);

  async function openCase(template: string, parties: Party[], contactAnswers?: Record<string, boolean>): Promise<string> {
    const referral = {
      id: uuidv7(),
      organisationid: org,
      correlationid: 'c',
      data: {
        referralId: uuidv7(),
        reference: `REF-2027-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        contractId: contracts[template],
        serviceLine: template,
        referrer: { name: 'Officer', email: 'officer@buyer.example' },
        parties,
        receivedAt: '2027-06-01T09:00:00Z',
        contractVersion: 1,
        dates: { decisionLetterDate: '2027-05-10' },
        ...(contactAnswers ? { contactAnswers } : {}),
      },
    } as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;
    await casework.run((tx) => app.openCase.execute(tx, referral), { organisationId: org });
    const caseId = (await app.listCases.execute(meta, { limit: 100 })).items.find((c) => c.referralId === referral.data.referralId)!.id;
    await app.assign.execute(meta, { caseId, staffId: uuidv7(), role: 'case-manager', name: 'Sam Manager', email: 'sam@provider.example' });
    await app.transition.execute(meta, caseId, { to: 'accepted' });
    return caseId;
  }

  /** Closes the case and hands its closed event to the survey handler, twice, as a redelivery would. */
  async function close(caseId: string, outcome: string): Promise<void> {
    for (const to of ['contacted', 'in-progress']) await app.transition.execute(meta, caseId, { to });
    await app.close.execute(meta, caseId, { outcome });
    const [closed] = await outbox('casework.case.closed.v1', caseId);
    for (let i = 0; i < 2; i++)
      await casework.run((tx) => app.issueSurveys.execute(tx, closed as EventEnvelope<EventData<typeof CaseClosedV1>>), { organisationId: org });
  }

  /** A deadline reminder meant for the parties, as scheduling publishes it. */
  const remind = (caseId: string, partyRoles?: string[]) =>
    casework.run(
      (tx) =>
        app.remindParties.execute(tx, {
          id: uuidv7(),
          organisationid: org,
          correlationid: 'r',
          type: 'scheduling.deadline.due-soon.v1',
          data: {
            deadlineId: uuidv7(),
            caseId,
            rule: 'a-rule',
            label: 'A date on the case',
            dueAt: '2027-06-20T16:00:00.000Z',
            reference: 'REF',
            remindedAt: clock.at.toISOString(),
            recipients: [],
            audience: ['parties'],
            ...(partyRoles ? { partyRoles } : {}),
            revision: 1,
            reminder: 0,
          },
        } as unknown as EventEnvelope<EventData<typeof DeadlineDueSoonV1>>),
      { organisationId: org },
    );

  beforeAll(async () => {
    db = await createTestDatabase('contact');
    casework = new CaseworkDatabase(db.url);
    app = caseworkHarness(casework, clock);
    for (const template of Object.keys(TEMPLATES)) {
      contracts[template] = uuidv7();
      const published = {
        id: uuidv7(),
        organisationid: org,
        data: {
          contractId: contracts[template],
          version: 1,
          status: 'active',
          template,
          definition: { reference: template, title: template, buyers: [{ name: 'Buyer', role: 'council' }], serviceLines: [lineOf(template)] },
        },
      } as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;
      await casework.run((tx) => app.recordContract.execute(tx, published), { organisationId: org });
    }
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('oocr: a victim the police said may not be contacted is sent neither the survey nor a reminder; the log says why, once', async () => {
    const caseId = await openCase(
      'oocr',
      [
        { role: 'participant', name: 'Pat Person', email: 'pat@example.com' },
        { role: 'victim', name: 'Vic Victim', email: 'vic@example.com' },
      ],
      { victimContactAllowed: false },
    );
    await remind(caseId);
    await close(caseId, 'completed');
    expect(await surveyed(caseId)).toEqual(['Pat Person']);
    expect(await reminded(caseId)).toEqual(['Pat Person']);
    const because = 'Not sent: The referral says the victim may not be contacted (victimContactAllowed: no).';
    expect(await withheld(caseId)).toEqual([
      ['Deadline reminders: not sent', 'Vic Victim', because],
      ['The satisfaction survey: not sent', 'Vic Victim', because],
    ]);
    // The event names the role and the reason code, never the victim.
    const events = await outbox('casework.communication.withheld.v1', caseId);
    expect(events.map((e) => [e.data.message, e.data.partyRole, e.data.refusal])).toEqual([
      ['deadline-reminder', 'victim', 'contact-not-allowed'],
      ['survey', 'victim', 'contact-not-allowed'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Vic');
  });

  it('oocr: a victim the referral is silent about is not contacted either; with the police’s yes, the victim is surveyed but not reminded of the conditions', async () => {
    const silent = await openCase('oocr', [
      { role: 'participant', name: 'Pat Person', email: 'pat@example.com' },
      { role: 'victim', name: 'Vic Victim', email: 'vic@example.com' },
    ]);
    await close(silent, 'completed');
    expect(await surveyed(silent)).toEqual(['Pat Person']);
    expect(await withheld(silent)).toEqual([['The satisfaction survey: not sent', 'Vic Victim', expect.stringMatching(/victimContactAllowed not answered/)]]);

    const allowed = await openCase(
      'oocr',
      [
        { role: 'participant', name: 'Pat Person', email: 'pat@example.com' },
        { role: 'victim', name: 'Vic Victim', email: 'vic@example.com' },
      ],
      { victimContactAllowed: true },
    );
    await remind(allowed);
    await close(allowed, 'completed');
    expect(await surveyed(allowed)).toEqual(['Pat Person', 'Vic Victim']);
    expect(await reminded(allowed)).toEqual(['Pat Person']);
    expect(await withheld(allowed)).toEqual([
      ['Deadline reminders: not sent', 'Vic Victim', 'Not sent: A victim is not sent deadline reminders on this service line.'],
    ]);
  });

  it('housing-asb: after a closure with evidence for enforcement the respondent is not surveyed; after an agreement both residents are', async () => {
    const parties = [
      { role: 'complainant', name: 'Ann Resident', email: 'ann@example.com' },
      { role: 'respondent', name: 'Ned Neighbour', email: 'ned@example.com' },
    ];
    const enforced = await openCase('housing-asb', parties);
    await close(enforced, 'evidence-for-enforcement');
    expect(await surveyed(enforced)).toEqual(['Ann Resident']);
    expect(await withheld(enforced)).toEqual([
      [
        'The satisfaction survey: not sent',
        'Ned Neighbour',
        'Not sent: A respondent is not sent the satisfaction survey when the case closed with the outcome "evidence-for-enforcement".',
      ],
    ]);

    const agreed = await openCase('housing-asb', parties);
    await close(agreed, 'good-neighbour-agreement');
    expect(await surveyed(agreed)).toEqual(['Ann Resident', 'Ned Neighbour']);
    expect(await withheld(agreed)).toEqual([]);
  });

  it('possession: both parties to the claim are surveyed and reminded; a support worker named on the referral is not', async () => {
    const caseId = await openCase('possession', [
      { role: 'claimant', name: 'Northbank Housing', email: 'cases@northbank.example' },
      { role: 'defendant', name: 'Jordan Ellis', email: 'jordan@example.com' },
      { role: 'participant', name: 'A Support Worker', email: 'support@example.com' },
    ]);
    await remind(caseId);
    await close(caseId, 'settled');
    expect(await surveyed(caseId)).toEqual(['Jordan Ellis', 'Northbank Housing']);
    expect(await reminded(caseId)).toEqual(['Jordan Ellis', 'Northbank Housing']);
    expect((await withheld(caseId)).map(([subject, who]) => [subject, who])).toEqual([
      ['Deadline reminders: not sent', 'A Support Worker'],
      ['The satisfaction survey: not sent', 'A Support Worker'],
    ]);
  });

  it('send: the family gets the certificate, the appeal reminder and the survey; the local authority none of them, and the log says so', async () => {
    const caseId = await openCase('send', [
      { role: 'parent', name: 'Morgan Parent', email: 'morgan@example.com' },
      { role: 'young-person', name: 'Robin Young', email: 'robin@example.com' },
      { role: 'local-authority', name: 'County SEND team', email: 'send@county.example' },
    ]);
    await app.transition.execute(meta, caseId, { to: 'mediation-declined', occurredAt: '2027-06-01T10:00:00Z' });
    const certificate = await app.issueCertificate.execute(meta, caseId, { kind: 'declined', issuedAt: '2027-06-01T11:00:00Z' });
    const sent = await outbox('casework.party.certificate-issued.v1', caseId);
    expect(sent.map((e) => e.data)).toEqual([
      expect.objectContaining({
        certificateId: certificate.id,
        kind: 'declined',
        issuedAt: '2027-06-01T11:00:00.000Z',
        statesAppealDeadline: true,
        name: 'Morgan Parent',
        email: 'morgan@example.com',
      }),
      expect.objectContaining({ certificateId: certificate.id, name: 'Robin Young', email: 'robin@example.com' }),
    ]);
    await remind(caseId);
    await app.close.execute(meta, caseId, { outcome: 'certificate-only' });
    const [closed] = await outbox('casework.case.closed.v1', caseId);
    await casework.run((tx) => app.issueSurveys.execute(tx, closed as EventEnvelope<EventData<typeof CaseClosedV1>>), { organisationId: org });
    expect(await certified(caseId)).toEqual(['Morgan Parent', 'Robin Young']);
    expect(await reminded(caseId)).toEqual(['Morgan Parent', 'Robin Young']);
    expect(await surveyed(caseId)).toEqual(['Morgan Parent', 'Robin Young']);
    expect((await withheld(caseId)).map(([subject, who]) => [subject, who])).toEqual([
      ['The mediation certificate: not sent', 'County SEND team'],
      ['Deadline reminders: not sent', 'County SEND team'],
      ['The satisfaction survey: not sent', 'County SEND team'],
    ]);
  });

  it('send: a parent who asked for letters only is not emailed the certificate; the log says their preferences exclude email', async () => {
    const caseId = await openCase('send', [{ role: 'parent', name: 'Lee Letter', email: 'lee@example.com' }]);
    await casework.run((tx) => tx.party.updateMany({ where: { caseId }, data: { contactPreferences: { channels: ['letter'] } } }), { organisationId: org });
    await app.transition.execute(meta, caseId, { to: 'mediation-declined', occurredAt: '2027-06-01T10:00:00Z' });
    await app.issueCertificate.execute(meta, caseId, { kind: 'declined', issuedAt: '2027-06-01T11:00:00Z' });
    expect(await certified(caseId)).toEqual([]);
    expect(await withheld(caseId)).toEqual([
      ['The mediation certificate: not sent', 'Lee Letter', 'Not sent: Their contact preferences do not include email (letter).'],
    ]);
  });

  it('pre-cmh: the professionals at the meeting are surveyed; a parent named in the proceedings is never contacted', async () => {
    const caseId = await openCase('pre-cmh', [
      { role: 'local-authority', name: 'Sam Social Worker', email: 'sam@la.example' },
      { role: 'participant', name: 'Cass Guardian', email: 'cass@cafcass.example' },
      { role: 'parent', name: 'A Parent', email: 'parent@example.com' },
    ]);
    await remind(caseId);
    await close(caseId, 'held-before-cmh');
    expect(await surveyed(caseId)).toEqual(['Cass Guardian', 'Sam Social Worker']);
    expect(await reminded(caseId)).toEqual(['Cass Guardian', 'Sam Social Worker']);
    expect((await withheld(caseId)).map(([, who]) => who)).toEqual(['A Parent', 'A Parent']);
  });
});
