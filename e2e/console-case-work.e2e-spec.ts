import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PlatformUnderTest, noiseReferral, waitUntil } from '@mediation/testing';
import { errorSummaryLinksToField, go, openBrowser, screen, textOf } from './console-support';

jest.setTimeout(300_000);

const DAY = 86_400_000;
const DAY_NAME = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ 20\d\d/;
const londonDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const everyDay = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, [{ start: '00:00', end: '23:59' }]]),
);
/** The smallest file the evidence service reads as a PDF from its bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('the console’s Case page in a real browser: sessions, sensitive notes, tasks, evidence and certificates', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  let caseUrl: string;
  let caseId: string;
  let staffId: string;
  let sessionType: string;
  const tag = randomUUID().slice(0, 8);
  const ok = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => platform.ok<T>(method, path, body);

  async function staffFor(contractId: string, serviceLine: string, name: string, accreditations: string[] = []): Promise<string> {
    const staff = await ok<{ id: string }>('POST', '/v1/staff', {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}-${tag}@provider.example`,
      serviceLines: [{ contractId, serviceLine }],
      payRatePence: 2_000,
      maxCaseload: 30,
      weeklyAvailability: everyDay,
    });
    for (const kind of accreditations)
      await ok('POST', `/v1/staff/${staff.id}/accreditations`, { kind, issuedAt: londonDate(-30), expiresAt: londonDate(700) });
    return staff.id;
  }

  /** A booked session's page, from the link on the case. */
  async function openSession(index: number) {
    await page.goto(caseUrl);
    await go(page, `#sessions + ul a >> nth=${index}`);
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    consoleUrl = platform.serviceUrl('console');
    // Set-up an administrator does outside this journey: a case manager, a noise case accepted with them on it.
    staffId = await staffFor(platform.contractId, 'noise', `Casey Worker ${tag}`);
    ({ caseId } = await platform.refer(noiseReferral(platform.contractId)));
    await ok('POST', `/v1/cases/${caseId}/assignments`, { staffId, role: 'case-manager' });
    await ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'accepted' });
    const contract = await ok<{ definition: { serviceLines: { key: string; sessionTypes: { key: string }[] }[] } }>(
      'GET',
      `/v1/contracts/${platform.contractId}`,
    );
    sessionType = contract.definition.serviceLines.find((l) => l.key === 'noise')!.sessionTypes[0].key;
    caseUrl = `${platform.serviceUrl('console')}/cases/${caseId}`;

    ({ browser, page } = await openBrowser());
    await page.goto(`${consoleUrl}/sign-in`);
    await page.fill('#organisation', String(platform.seeded.organisationSlug));
    await page.fill('#email', String(platform.seeded.adminEmail));
    await page.fill('#password', String(platform.seeded.adminPassword));
    await go(page, 'button:has-text("Sign in")');
    await page.waitForURL(`${consoleUrl}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
  });

  it('a booked session cannot be recorded as held before it starts: the API’s refusal is in the error summary, linked to the form', async () => {
    const day = londonDate(21);
    await page.goto(caseUrl);
    await page.selectOption('#sessionType', sessionType);
    await page.fill('#location', 'The service user’s home');
    await page.fill('#date', day);
    await page.fill('#time', '10:00');
    await go(page, 'button:has-text("Book session")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Session booked');
    await openSession(0);
    expect(await textOf(page, 'h1')).toContain('booked');
    expect(await textOf(page, 'main')).toMatch(DAY_NAME);
    expect(await textOf(page, '#notice-rule')).toMatch(/no notice rule|working days’ notice/);
    await screen(page, 'cw-01-session');

    await go(page, 'button:has-text("Record what happened")');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await errorSummaryLinksToField(page)).toContain('cannot be recorded as held before then');
    await screen(page, 'cw-02-session-refused');
  });

  it('moves the session (a bad date named at its field), then cancels it with a reason', async () => {
    await page.fill('#date', '');
    await go(page, 'button:has-text("Move session")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter the date');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#date');

    await page.fill('#date', londonDate(28));
    await page.fill('#time', '11:30');
    await go(page, 'button:has-text("Move session")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('The session moved');
    expect(await textOf(page, '#sessions + ul')).toMatch(/at 11:30am/);

    await openSession(0);
    await go(page, 'button:has-text("Cancel session")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter why the session is cancelled');
    await page.fill('#cancelReason', 'The complainant is in hospital this week.');
    await go(page, 'button:has-text("Cancel session")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('The session is cancelled');
    expect(await textOf(page, '#sessions + ul')).toContain('cancelled');
    expect(await textOf(page, '#sessions + ul')).toContain('The complainant is in hospital this week.');
  });

  it('records one session that has started as held, and another as not attended with what is known', async () => {
    // Booked through the API to start in a moment (the parties agreed to the short notice): two visits today, one after the other.
    const startsAt = new Date(Date.now() + 3_000);
    const visit = (from: Date, to: Date) =>
      ok('POST', `/v1/cases/${caseId}/sessions`, {
        sessionType,
        mode: 'in-person',
        location: 'The service user’s home',
        startsAt: from.toISOString(),
        endsAt: to.toISOString(),
        staffIds: [staffId],
        parties: [{ name: 'Sam Resident', role: 'complainant' }],
        noticeWaived: { by: 'Sam Resident', reason: 'Asked to be seen today.' },
      });
    const between = new Date(startsAt.getTime() + 1_000);
    await visit(startsAt, between);
    await visit(between, new Date(between.getTime() + 3_600_000));
    await new Promise((r) => setTimeout(r, Math.max(0, between.getTime() - Date.now() + 1_000)));

    await openSession(0);
    expect(await textOf(page, 'main')).toContain('less notice agreed by Sam Resident');
    await go(page, 'button:has-text("Record what happened")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('The session is recorded as held');
    expect(await textOf(page, '#sessions + ul')).toContain('held');

    await openSession(0);
    await page.check('#attendance-dna');
    await go(page, 'button:has-text("Record what happened")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter who did not attend, and what is known');
    await page.check('#attendance-dna');
    await page.fill('#attendanceReason', 'Alex Neighbour was not at home; a card was left.');
    await go(page, 'button:has-text("Record what happened")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('The session is recorded as not attended');
    expect(await textOf(page, '#sessions + ul')).toContain('did not attend');
  });

  it('writes a sensitive note that the case page does not show; reading it takes a reason, posted and never in the URL', async () => {
    await page.goto(caseUrl);
    await page.fill('#note', `Disclosed a mental health condition ${tag}.`);
    await page.check('#note-sensitive');
    await go(page, 'button:has-text("Add note")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Note added');
    expect(await textOf(page, 'main')).not.toContain(`mental health condition ${tag}`);

    await go(page, 'a:has-text("Read all notes")');
    expect(await textOf(page, 'h1')).toContain('Why do you need to read the sensitive notes');
    await screen(page, 'cw-03-sensitive-reason');
    await go(page, 'button:has-text("Show the notes")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter why you need to read the sensitive notes');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#access-reason');
    await screen(page, 'cw-04-sensitive-reason-error');

    await page.fill('#access-reason', `Preparing the phone call ${tag}`);
    await go(page, 'button:has-text("Show the notes")');
    expect(await textOf(page, '#all-notes')).toContain(`Disclosed a mental health condition ${tag}.`);
    expect(await textOf(page, '#all-notes')).toContain('sensitive');
    expect(page.url()).toBe(`${caseUrl}/notes/sensitive`);
    await screen(page, 'cw-05-sensitive-notes');
    // The gateway recorded the read, by the signed-in admin, with the reason given.
    const read = await waitUntil(
      async () =>
        (await ok<{ items: { accessReason: string | null }[] }>('GET', '/v1/audit?resourceType=case-notes')).items.find(
          (e) => e.accessReason === `Preparing the phone call ${tag}`,
        ),
      { what: 'the sensitive read in the audit trail' },
    );
    expect(read).toBeTruthy();
  });

  it('adds a task (the API’s field errors linked to the form, what was typed kept), lists it with its London due day and marks it done', async () => {
    await page.goto(caseUrl);
    await go(page, 'button:has-text("Add task")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter what needs doing');
    // What was typed stays, and the control the API named carries its own message.
    await page.fill('#task-title', 'Send the good neighbour agreement template');
    await go(page, 'button:has-text("Add task")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter the day it is due');
    expect(await page.inputValue('#task-title')).toBe('Send the good neighbour agreement template');
    expect(await textOf(page, '#task-dueOn-error')).toContain('Enter the day it is due');
    await screen(page, 'cw-06a-task-error');
    await page.fill('#task-dueOn', londonDate(7));
    await page.selectOption('#task-assignee', staffId);
    await go(page, 'button:has-text("Add task")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Task added');
    const row = await textOf(page, '#task-list tbody tr');
    expect(row).toContain('Send the good neighbour agreement template');
    expect(row).toMatch(DAY_NAME);
    expect(row).toContain(`Casey Worker ${tag}`);
    await screen(page, 'cw-06-case-with-tasks');
    await page.focus('#task-list button');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Task marked done');
    expect(await textOf(page, '#task-list tbody tr')).toContain('done');
  });

  it('adds an exhibit through the console (a forged upload refused), downloads it with a reason, and makes and downloads a court bundle', async () => {
    // A multipart form without the form token (as another site would send it) is refused before any byte reaches the API.
    const forged = await page.request.post(`${caseUrl}/evidence`, {
      multipart: { kind: 'other', description: 'Forged', producedBy: 'Someone Else', file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(forged.status()).toBe(403);
    await page.goto(caseUrl);
    await go(page, 'a:has-text("Open the evidence")');
    expect(await textOf(page, 'main')).toContain('No exhibits yet');
    expect(await textOf(page, '#no-bundles')).toContain('No court bundle has been made for this case yet');
    await screen(page, 'cw-07-evidence-empty');

    await page.fill('#description', 'Noise diary kept by the complainant, March');
    await page.fill('#producedBy', 'Sam Resident');
    await go(page, 'button:has-text("Add exhibit")');
    expect(await errorSummaryLinksToField(page)).toContain('Choose the file to add');

    await page.selectOption('#kind', 'noise-diary');
    await page.fill('#description', 'Noise diary kept by the complainant, March');
    await page.fill('#producedBy', 'Sam Resident');
    await page.fill('#capturedDate', londonDate(-3));
    await page.fill('#capturedTime', '23:30');
    await page.setInputFiles('#file', { name: 'diary.pdf', mimeType: 'application/pdf', buffer: PDF });
    await go(page, 'button:has-text("Add exhibit")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Exhibit added');
    const row = await textOf(page, '#exhibits tbody tr');
    expect(row).toContain('SR/1');
    expect(row).toMatch(DAY_NAME);
    await screen(page, 'cw-08-evidence');

    await go(page, 'a:has-text("Download SR/1")');
    expect(await textOf(page, 'h1')).toContain('Exhibit SR/1');
    await go(page, 'button:has-text("Download")');
    expect(await errorSummaryLinksToField(page)).toContain('Enter why you need this file');
    await screen(page, 'cw-09-exhibit-reason-error');
    await page.fill('#access-reason', 'Checking the diary before the mediation');
    const [exhibit] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download")')]);
    expect(readFileSync(await exhibit.path()).equals(PDF)).toBe(true);

    await page.goto(`${caseUrl}/evidence`);
    await page.fill('#bundle-title', `Hearing bundle ${tag}`);
    await go(page, 'button:has-text("Make bundle")');
    expect(await textOf(page, 'h1')).toContain(`Court bundle made: Hearing bundle ${tag}`);
    expect(await textOf(page, '#bundle-index')).toContain('SR/1');
    await screen(page, 'cw-10-bundle');
    await page.fill('#access-reason', 'Sending the bundle to the court');
    const [bundle] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download the bundle")')]);
    expect(
      readFileSync(await bundle.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Made once, found again: the evidence page lists the case's bundles, each downloaded behind the same reason form.
    await page.goto(`${caseUrl}/evidence`);
    const listed = await textOf(page, '#bundles tbody tr');
    expect(listed).toContain(`Hearing bundle ${tag}`);
    expect(listed).toContain('SR/1');
    expect(listed).toContain('by you');
    await screen(page, 'cw-10a-bundles-listed');
    await go(page, '#bundles a:has-text("Download")');
    expect(await textOf(page, 'h1')).toContain(`Court bundle: Hearing bundle ${tag}`);
    await page.fill('#access-reason', 'Sending the bundle to the other side');
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download the bundle")')]);
    expect(readFileSync(await again.path()).equals(readFileSync(await bundle.path()))).toBe(true);
  });

  it('SEND: a certificate the case cannot support is refused in the error summary; a declined one is issued and its PDF downloaded', async () => {
    const contractId = (await ok<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `SEND-${tag}`, publish: true })).id;
    const adviser = await staffFor(contractId, 'send-mediation', `Sally Send ${tag}`, ['dbs-enhanced', 'send-mediation']);
    const send = await platform.refer({
      contractId,
      referrerType: 'local-authority',
      referrer: { name: 'SEND Lead', email: `send-lead-${tag}@county.example`, organisation: 'County Council' },
      parties: [
        { role: 'parent', name: 'Pat Parent' },
        { role: 'local-authority', name: 'County Council SEND team' },
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
    await ok('POST', `/v1/cases/${send.caseId}/assignments`, { staffId: adviser, role: 'case-manager' });
    await ok('POST', `/v1/cases/${send.caseId}/transitions`, { to: 'accepted' });
    await ok('POST', `/v1/cases/${send.caseId}/transitions`, { to: 'mediation-declined', occurredAt: new Date().toISOString() });

    await page.goto(`${consoleUrl}/cases/${send.caseId}`);
    expect(await textOf(page, '#certificates + *')).toContain('No certificate has been issued');
    await page.selectOption('#certificate-kind', 'after-mediation');
    await go(page, 'button:has-text("Issue certificate")');
    expect(await errorSummaryLinksToField(page)).toContain('mediation.held');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#certificate-kind');
    await screen(page, 'cw-11-certificate-refused');

    await page.selectOption('#certificate-kind', 'declined');
    await go(page, 'button:has-text("Issue certificate")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Certificate issued');
    expect(await textOf(page, '#certificate-list')).toMatch(DAY_NAME);
    await screen(page, 'cw-12-certificate-issued');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Download the certificate")')]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
