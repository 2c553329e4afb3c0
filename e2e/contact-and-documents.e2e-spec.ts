import { randomUUID } from 'node:crypto';
import { PlatformUnderTest, pdfText, waitUntil, type MailMessage } from '@mediation/testing';

jest.setTimeout(600_000);

/**
 * Who the platform may write to, and what it signs with: a victim the police said may not be contacted
 * hears nothing and the case says why; the family gets its SEND certificate, signed by the organisation
 * by name and stating the dates; the local authority gets none of the family's mail.
 */

type CaughtMail = MailMessage & { attachments: { filename: string | null; contentType: string; base64: string }[] };
interface Communication {
  counterpart: string;
  subject: string | null;
  summary: string | null;
  source: string;
  withheld: boolean;
}

const DAY = 86_400_000;
const londonDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const londonDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(iso))
    .replace(',', '');
const everyDay = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, [{ start: '00:00', end: '23:59' }]]),
);

describe('who may be contacted, and documents that name the provider', () => {
  let platform: PlatformUnderTest;
  const tag = randomUUID().slice(0, 8);
  const ORGANISATION = `Calm Waters Mediation ${tag}`;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    // The organisation renames itself and gives its address: from now on every document and email is signed so.
    await ok('PATCH', '/v1/organisation', { name: ORGANISATION, address: ['12 Harbour Row', 'London SE1 9PG'] });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const ok = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => platform.ok<T>(method, path, body);

  async function caseManager(contractId: string, serviceLine: string, name: string): Promise<string> {
    const staff = await ok<{ id: string }>('POST', '/v1/staff', {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}-${tag}@provider.example`,
      serviceLines: [{ contractId, serviceLine }],
      payRatePence: 2_000,
      maxCaseload: 30,
      weeklyAvailability: everyDay,
    });
    for (const kind of ['dbs-enhanced', 'send-mediation'])
      await ok('POST', `/v1/staff/${staff.id}/accreditations`, { kind, issuedAt: londonDate(-30), expiresAt: londonDate(700) });
    return staff.id;
  }

  const refer = (body: Record<string, unknown>) => platform.refer(body);

  const mailTo = (address: string) => (platform.mail.messages() as CaughtMail[]).filter((m) => m.to.includes(address));
  const firstMail = (address: string, subject: RegExp, what: string) =>
    waitUntil(async () => mailTo(address).find((m) => subject.test(m.subject)), { what, timeoutMs: 90_000 });
  const communications = async (caseId: string) => (await ok<{ items: Communication[] }>('GET', `/v1/cases/${caseId}/communications`)).items;

  it('an out-of-court case closed with the victim not to be contacted sends the victim nothing, and the case’s communications say why', async () => {
    const contractId = (await ok<{ id: string }>('POST', '/v1/contracts', { template: 'oocr', reference: `OOCR-${tag}`, publish: true })).id;
    const worker = await caseManager(contractId, 'oocr-intervention', 'Owen Outreach');
    const person = `person-${tag}@home.example`;
    const victim = `victim-${tag}@home.example`;
    const { caseId, reference } = await refer({
      contractId,
      referrerType: 'police',
      referrer: { name: 'PC Officer', email: `police-${tag}@police.example`, organisation: 'Constabulary' },
      parties: [
        { role: 'participant', name: 'Jamie Person', email: person },
        { role: 'victim', name: 'Vic Victim', email: victim },
      ],
      summary: 'Conditional caution: repair the damage and attend an intervention.',
      answers: {
        policeReference: `CR-${tag}`,
        resolutionType: 'conditional-caution',
        offenceDetails: 'Criminal damage to a car.',
        conditions: 'Pay for the repair; attend one session.',
        conditionsSetDate: londonDate(-1),
        conditionsDueDate: londonDate(30),
        victimContactAllowed: false,
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
    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: worker, role: 'case-manager' });
    for (const to of ['accepted', 'contacted', 'in-progress']) await ok('POST', `/v1/cases/${caseId}/transitions`, { to });
    await ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'completed', reason: 'Repair paid; session attended.' });

    // The person referred is surveyed; by then the victim's survey would have been issued in the same transaction.
    const survey = await firstMail(person, /How did we do\?/, `the survey to the person referred on ${reference}`);
    expect(survey.text).toContain(ORGANISATION);
    const refused = await waitUntil(async () => (await communications(caseId)).find((c) => c.withheld), { what: 'the refusal on the case’s communications' });
    expect(refused).toMatchObject({
      counterpart: 'Vic Victim',
      source: 'contact-rule',
      subject: 'The satisfaction survey: not sent',
      summary: 'Not sent: The referral says the victim may not be contacted (victimContactAllowed: no).',
    });
    // The case report to the police has gone too: the last email of the closure. Nothing ever reached the victim.
    await firstMail(`police-${tag}@police.example`, new RegExp(`Case report for ${reference}`), 'the case report to the police');
    expect(mailTo(victim)).toEqual([]);
  });

  it('SEND: the family is emailed its certificate, signed by the organisation and stating the dates; the local authority is not; the list shows the appeal deadline', async () => {
    const contractId = (await ok<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `SEND-${tag}`, publish: true })).id;
    const adviser = await caseManager(contractId, 'send-mediation', 'Sally Send');
    const officer = `send-lead-${tag}@county.example`;
    const parent = `parent-${tag}@family.example`;
    const council = `send-team-${tag}@county.example`;
    const { caseId, reference } = await refer({
      contractId,
      referrerType: 'local-authority',
      referrer: { name: 'SEND Lead', email: officer, organisation: 'County Council' },
      parties: [
        { role: 'parent', name: 'Pat Parent', email: parent },
        { role: 'local-authority', name: 'County Council SEND team', email: council },
      ],
      summary: 'The family does not wish to mediate and asks for a certificate.',
      answers: {
        route: 'certificate-only',
        decisionType: 'plan-contents',
        decisionLetterDate: londonDate(-3),
        laInformedDate: londonDate(-1),
        mediationIssues: 'Section F hours.',
      },
      consent: [
        { givenBy: 'Pat Parent', relationship: 'parent', givenAt: new Date(Date.now() - DAY).toISOString(), method: 'online-form', recordedBy: 'SEND Lead' },
      ],
    });
    // The acknowledgement to the referrer is signed, and sent, in the organisation's name.
    const acknowledgement = await firstMail(officer, /received$/, 'the acknowledgement');
    expect(acknowledgement.text).toMatch(new RegExp(`Kind regards,\\r?\\n${ORGANISATION}\\r?\\n12 Harbour Row\\r?\\nLondon SE1 9PG`));
    expect(acknowledgement.from).toContain(ORGANISATION);

    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: adviser, role: 'case-manager' });
    await ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'accepted' });
    const declinedAt = new Date().toISOString();
    await ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'mediation-declined', occurredAt: declinedAt });
    const certificate = await ok<{ id: string; issuedAt: string }>('POST', `/v1/cases/${caseId}/certificates`, {
      kind: 'declined',
      issuedAt: new Date().toISOString(),
    });

    const mail = await firstMail(parent, /Your mediation certificate/, 'the certificate to the family');
    expect(mail.subject).toBe(`Your mediation certificate (case ${reference})`);
    expect(mail.text).toContain(ORGANISATION);
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);
    // One line of text: the PDF breaks lines (marked ·) where the page does.
    const pdf = pdfText(Buffer.from(mail.attachments[0].base64, 'base64')).replace(/·?\s*\n/g, ' ');
    expect(pdf).toContain(`Pat Parent told the mediation adviser on ${londonDay(declinedAt)} that they do not wish to pursue mediation`);
    expect(pdf).not.toContain('the date recorded on the case');
    expect(pdf).toContain(`Sally Send, mediation adviser, ${ORGANISATION}`);
    expect(pdf).not.toMatch(/mediation adviser, mediation adviser/i);
    expect(pdf).toMatch(/the last day to appeal is \w+ \d+ \w+ \d{4}, 17:00/);

    const listed = await waitUntil(
      async () =>
        (await ok<{ items: { id: string; appealDeadline: { dueAt: string; status: string } | null }[] }>('GET', `/v1/cases/${caseId}/certificates`)).items.find(
          (c) => c.id === certificate.id && c.appealDeadline,
        ),
      { what: 'the certificate with its appeal deadline' },
    );
    expect(listed.appealDeadline).toMatchObject({ status: 'pending', dueAt: expect.stringMatching(/T1[67]:00:00/) });
    expect(pdf).toContain(`the last day to appeal is ${londonDay(listed.appealDeadline!.dueAt)}, 17:00`);

    // Logged on the case: the certificate sent to the family, and why the council was not sent it.
    const log = await waitUntil(
      async () => {
        const items = await communications(caseId);
        return items.some((c) => c.source === 'notify' && c.counterpart.includes(parent)) ? items : undefined;
      },
      { what: 'the certificate email on the case’s communications' },
    );
    expect(log.find((c) => c.withheld)).toMatchObject({
      counterpart: 'County Council SEND team',
      subject: 'The mediation certificate: not sent',
      summary: 'Not sent: A local authority is not sent the mediation certificate on this service line.',
    });
    expect(mailTo(council)).toEqual([]);
  });
});
