import { randomUUID } from 'node:crypto';
import { PlatformUnderTest, pdfText, waitUntil, type MailMessage } from '@mediation/testing';

jest.setTimeout(600_000);

/**
 * One case per contract template, from referral to closed, as a provider would run it through the
 * API: the clocks the template sets, the sessions and milestones that stop them, the outcome, the
 * case report PDF to the referring officer and the survey to the parties.
 */

type CaughtMail = MailMessage & { attachments: { filename: string | null; contentType: string; base64: string }[] };
interface Deadline {
  rule: string;
  kind: string;
  status: string;
  dueAt: string | null;
  revision: number;
}
interface CaseView {
  id: string;
  reference: string;
  status: string;
  outcome: string | null;
  timesReopened: number;
}

const DAY = 86_400_000;
const londonDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const everyDay = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, [{ start: '00:00', end: '23:59' }]]),
);

describe('one case per template, from referral to closed', () => {
  let platform: PlatformUnderTest;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const ok = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => platform.ok<T>(method, path, body);

  async function contractFor(template: string): Promise<string> {
    const contract = await ok<{ id: string }>('POST', '/v1/contracts', { template, reference: `WALK-${template}-${tag}`, publish: true });
    return contract.id;
  }

  async function staffFor(contractId: string, serviceLine: string, name: string): Promise<string> {
    const staff = await ok<{ id: string }>('POST', '/v1/staff', {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}-${tag}@provider.example`,
      serviceLines: [{ contractId, serviceLine }],
      skills: ['housing', 'send', 'family', 'restorative-justice'],
      payRatePence: 2_000,
      maxCaseload: 30,
      weeklyAvailability: everyDay,
    });
    // SEND and pre-CMH lines require these checks in date (staffRequirements); holding them elsewhere is harmless.
    for (const kind of ['dbs-enhanced', 'send-mediation'])
      await ok('POST', `/v1/staff/${staff.id}/accreditations`, { kind, issuedAt: londonDate(-30), expiresAt: londonDate(700) });
    return staff.id;
  }

  const refer = (body: Record<string, unknown>) => platform.refer(body);

  const deadlines = async (caseId: string) => (await ok<{ items: Deadline[] }>('GET', `/v1/cases/${caseId}/deadlines`)).items;
  const deadline = (caseId: string, rule: string, status?: string) =>
    waitUntil(async () => (await deadlines(caseId)).find((d) => d.rule === rule && (!status || d.status === status)), {
      what: `deadline ${rule}${status ? ` ${status}` : ''}`,
      timeoutMs: 60_000,
    });

  async function holdSession(caseId: string, sessionType: string, staffId: string, mode: 'video' | 'in-person'): Promise<void> {
    const startsAt = new Date(Date.now() + 3_000);
    const session = await ok<{ id: string }>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType,
      mode,
      ...(mode === 'in-person' ? { location: 'The community centre' } : {}),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 30_000).toISOString(),
      staffIds: [staffId],
      noticeWaived: { by: 'All parties', reason: 'Agreed to meet at short notice.' },
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() + 500)));
    await ok('POST', `/v1/sessions/${session.id}/hold`, {});
  }

  const move = (caseId: string, to: string) => ok<CaseView>('POST', `/v1/cases/${caseId}/transitions`, { to });

  /** The report email to the referrer, its PDF read back as text. */
  async function caseReportText(officer: string, reference: string): Promise<string> {
    const mail = await waitUntil(
      async () => (platform.mail.messages() as CaughtMail[]).find((m) => m.to.includes(officer) && m.subject === `Case report for ${reference}`),
      { what: `the case report of ${reference}`, timeoutMs: 90_000 },
    );
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    return pdfText(Buffer.from(mail.attachments[0].base64, 'base64'));
  }

  const surveyLinkFor = (address: string) =>
    waitUntil(async () => (platform.mail.messages() as CaughtMail[]).find((m) => m.to.includes(address) && /\/v1\/surveys\/[A-Za-z0-9_-]{43}/.test(m.text)), {
      what: `the survey to ${address}`,
      timeoutMs: 90_000,
    });

  it('housing-asb (noise): accepted, contacted within two weeks, closed with a good neighbour agreement, then reopened and counted', async () => {
    const contractId = await contractFor('housing-asb');
    const manager = await staffFor(contractId, 'noise', 'Harriet Housing');
    const officer = `asb-officer-${tag}@council.example`;
    const resident = `resident-${tag}@home.example`;
    const { caseId, reference } = await refer({
      contractId,
      serviceLine: 'noise',
      referrer: { name: 'Asha Officer', email: officer, organisation: 'The Council' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Robin Resident', email: resident },
        { role: 'respondent', name: 'Nico Neighbour' },
      ],
      summary: 'Music through the party wall after midnight, most nights for a month.',
      answers: { disturbance: 'music', postcode: 'CV34 4RL', consentConfirmed: true, authorisingOfficer: 'Asha Officer' },
      consent: [
        {
          givenBy: 'Robin Resident',
          relationship: 'complainant',
          givenAt: new Date(Date.now() - DAY).toISOString(),
          method: 'verbal',
          recordedBy: 'Asha Officer',
        },
      ],
    });
    expect((await deadline(caseId, 'initial-contact')).status).toBe('pending');

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: manager, role: 'case-manager' });
    await move(caseId, 'accepted');
    await move(caseId, 'contacted');
    expect((await deadline(caseId, 'initial-contact', 'met')).status).toBe('met');
    await move(caseId, 'in-progress');
    await holdSession(caseId, 'home-visit', manager, 'in-person');
    await ok('POST', `/v1/cases/${caseId}/notes`, { body: 'Both neighbours agreed quiet hours from 23:00.', sensitive: false });
    const closed = await ok<CaseView>('POST', `/v1/cases/${caseId}/close`, {
      outcome: 'good-neighbour-agreement',
      reason: 'Both neighbours signed a good neighbour agreement on quiet hours.',
      recommendations: ['Review with the Council housing officer in three months.'],
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'good-neighbour-agreement' });

    const report = await caseReportText(officer, reference);
    expect(report).toContain(reference);
    expect(report).toContain('signed good neighbour agreement');
    expect(report).toContain('Review with the Council housing officer in three months.');
    await surveyLinkFor(resident);

    const reopened = await ok<CaseView>('POST', `/v1/cases/${caseId}/reopen`, { reason: 'The music started again two weeks later.' });
    expect(reopened).toMatchObject({ status: 'in-progress', timesReopened: 1 });
    const counted = await waitUntil(
      async () => {
        const summary = await ok<{
          contracts: { contractId: string; casesReopenedWithin12Months: number; casesClosed: number; outcomes: Record<string, number> }[];
        }>('GET', '/v1/reports/summary');
        const row = summary.contracts.find((c) => c.contractId === contractId);
        return row && row.casesReopenedWithin12Months === 1 ? row : undefined;
      },
      { what: 'the reopening counted' },
    );
    expect(counted).toMatchObject({ casesClosed: 1, outcomes: { 'good-neighbour-agreement': 1 } });
  });

  it('possession: the mediation clock runs to the hearing, follows it when the court moves it, and stops when the mediation is held', async () => {
    const contractId = await contractFor('possession');
    const mediator = await staffFor(contractId, 'possession-mediation', 'Morgan Mediator');
    const officer = `court-${tag}@justice.example`;
    const tenant = `tenant-${tag}@home.example`;
    const hearing = londonDate(40);
    const { caseId, reference } = await refer({
      contractId,
      externalReference: `K${tag.slice(0, 2).toUpperCase()}1234`,
      referrer: { name: 'Court Officer', email: officer, organisation: 'County Court' },
      referrerType: 'court',
      parties: [
        { role: 'claimant', name: 'Homes Housing Association', email: `landlord-${tag}@homes.example` },
        { role: 'defendant', name: 'Terry Tenant', email: tenant },
      ],
      summary: 'Rent arrears of £2,400; the tenant offers a repayment plan.',
      answers: { claimNumber: `K${tag.slice(0, 2).toUpperCase()}1234`, court: 'Central County Court', hearingDate: hearing, claimantType: 'social-landlord' },
      consent: [
        {
          givenBy: 'Homes Housing Association',
          relationship: 'claimant',
          givenAt: new Date(Date.now() - DAY).toISOString(),
          method: 'email',
          recordedBy: 'Court Officer',
        },
        {
          givenBy: 'Terry Tenant',
          relationship: 'defendant',
          givenAt: new Date(Date.now() - DAY).toISOString(),
          method: 'verbal',
          recordedBy: 'Court Officer',
        },
      ],
    });
    const before = await deadline(caseId, 'mediation-before-hearing');
    expect(before.status).toBe('pending');

    await ok('PATCH', `/v1/cases/${caseId}/dates`, { hearingDate: londonDate(47) });
    const moved = await waitUntil(async () => (await deadlines(caseId)).find((d) => d.rule === 'mediation-before-hearing' && d.revision > before.revision), {
      what: 'the rescheduled deadline',
    });
    expect(new Date(moved.dueAt!).getTime() - new Date(before.dueAt!).getTime()).toBe(7 * DAY);

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: mediator, role: 'case-manager' });
    await move(caseId, 'accepted');
    await move(caseId, 'contacted');
    await move(caseId, 'in-progress');
    await holdSession(caseId, 'remote-mediation', mediator, 'video');
    expect((await deadline(caseId, 'mediation-before-hearing', 'met')).status).toBe('met');
    await ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'settled', reason: 'A repayment plan of £150 a month was agreed; the claim is to be adjourned.' });

    const report = await caseReportText(officer, reference);
    expect(report).toContain('Settled');
    await surveyLinkFor(tenant);
  });

  it('SEND: the 30-day clock from the LA being told, the certificate after the mediation, and the family’s appeal deadline', async () => {
    const contractId = await contractFor('send');
    const adviser = await staffFor(contractId, 'send-mediation', 'Sally Send');
    const officer = `send-lead-${tag}@county.example`;
    const parent = `parent-${tag}@family.example`;
    const told = londonDate(0);
    const { caseId, reference } = await refer({
      contractId,
      referrer: { name: 'SEND Lead', email: officer, organisation: 'County Council' },
      referrerType: 'local-authority',
      parties: [
        { role: 'parent', name: 'Pat Parent', email: parent },
        { role: 'local-authority', name: 'County Council SEND team' },
      ],
      summary: 'The family disagrees with section F of the EHC plan.',
      answers: {
        route: 'mediation',
        decisionType: 'plan-contents',
        decisionLetterDate: londonDate(-3),
        laInformedDate: told,
        mediationIssues: 'Speech and language therapy hours in section F.',
      },
      consent: [
        { givenBy: 'Pat Parent', relationship: 'parent', givenAt: new Date(Date.now() - DAY).toISOString(), method: 'online-form', recordedBy: 'SEND Lead' },
      ],
    });
    const thirty = await deadline(caseId, 'mediation-within-30-days');
    // 30 calendar days from the day the LA was told (that day not counted), to the end of that London day.
    expect(new Date(thirty.dueAt!).toLocaleDateString('en-CA', { timeZone: 'Europe/London' })).toBe(londonDate(30));
    expect(new Date(thirty.dueAt!).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })).toBe('23:59:59');

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: adviser, role: 'case-manager' });
    await move(caseId, 'accepted');
    await move(caseId, 'contacted');
    await move(caseId, 'in-progress');
    await holdSession(caseId, 'mediation', adviser, 'video');
    expect((await deadline(caseId, 'mediation-within-30-days', 'met')).status).toBe('met');
    expect((await deadline(caseId, 'certificate-after-mediation')).status).toBe('pending');

    await ok('POST', `/v1/cases/${caseId}/certificates`, { kind: 'after-mediation', issuedAt: new Date().toISOString() });
    expect((await deadline(caseId, 'certificate-after-mediation', 'met')).status).toBe('met');
    const appeal = await deadline(caseId, 'appeal-deadline');
    expect(appeal.kind).toBe('informational');
    await ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'agreement-not-reached', reason: 'No agreement on therapy hours; the certificate was issued.' });

    const report = await caseReportText(officer, reference);
    expect(report).toContain('No agreement');
    await surveyLinkFor(parent);
  });

  it('out-of-court resolution: conditions completed within the period the police set, and the outcome reported back', async () => {
    const contractId = await contractFor('oocr');
    const worker = await staffFor(contractId, 'oocr-intervention', 'Owen Outreach');
    const officer = `police-${tag}@police.example`;
    const person = `person-${tag}@home.example`;
    const { caseId, reference } = await refer({
      contractId,
      externalReference: `CR-${tag}`,
      referrer: { name: 'PC Officer', email: officer, organisation: 'Constabulary' },
      referrerType: 'police',
      parties: [{ role: 'participant', name: 'Jamie Person', email: person }],
      summary: 'Community resolution with a condition to attend a restorative intervention.',
      answers: {
        policeReference: `CR-${tag}`,
        resolutionType: 'community-resolution',
        offenceDetails: 'Criminal damage to a fence.',
        conditions: 'Attend two intervention sessions.',
        conditionsSetDate: londonDate(-1),
        conditionsDueDate: londonDate(30),
      },
      consent: [
        {
          givenBy: 'Jamie Person',
          relationship: 'the person referred',
          givenAt: new Date(Date.now() - DAY).toISOString(),
          method: 'written',
          recordedBy: 'PC Officer',
        },
      ],
    });
    expect((await deadline(caseId, 'conditions-completed')).status).toBe('pending');

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: worker, role: 'case-manager' });
    await move(caseId, 'accepted');
    await move(caseId, 'contacted');
    await move(caseId, 'in-progress');
    await holdSession(caseId, 'intervention', worker, 'video');
    await ok('POST', `/v1/cases/${caseId}/milestones`, { milestone: 'conditions.completed', occurredAt: new Date().toISOString() });
    expect((await deadline(caseId, 'conditions-completed', 'met')).status).toBe('met');
    await ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'completed', reason: 'Both intervention sessions attended.' });

    const report = await caseReportText(officer, reference);
    expect(report).toContain('Conditions completed');
    // The outcome goes back to the police: the report email being sent stops that clock.
    expect((await deadline(caseId, 'outcome-to-police', 'met')).status).toBe('met');
    await surveyLinkFor(person);
  });

  it('pre-CMH: the meeting is held before the first case management hearing and the case closes with that outcome', async () => {
    const contractId = await contractFor('pre-cmh');
    const chair = await staffFor(contractId, 'pre-cmh-meeting', 'Chris Chair');
    const officer = `la-${tag}@county.example`;
    const { caseId, reference } = await refer({
      contractId,
      referrer: { name: 'Social Worker', email: officer, organisation: 'County Council children’s services' },
      referrerType: 'local-authority',
      parties: [
        { role: 'local-authority', name: 'County Council', email: `legal-${tag}@county.example` },
        { role: 'parent', name: 'Parent Representative' },
      ],
      summary: 'Care proceedings issued; a pre-CMH meeting between the professionals is requested.',
      answers: { courtCaseNumber: `ZW${tag}`, localAuthority: 'County Council', proceedingsIssuedDate: londonDate(-2), firstCmhDate: londonDate(20) },
    });
    expect((await deadline(caseId, 'meeting-before-cmh')).status).toBe('pending');

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: chair, role: 'case-manager' });
    await move(caseId, 'accepted');
    await move(caseId, 'in-progress');
    await holdSession(caseId, 'pre-cmh-meeting', chair, 'video');
    expect((await deadline(caseId, 'meeting-before-cmh', 'met')).status).toBe('met');
    await ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'held-before-cmh', reason: 'Meeting held; issues narrowed for the first CMH.' });

    const report = await caseReportText(officer, reference);
    expect(report).toContain('Meeting held before the first CMH');
    await surveyLinkFor(`legal-${tag}@county.example`);
  });
});
