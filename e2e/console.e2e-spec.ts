import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PlatformUnderTest } from '@mediation/testing';
import { fillReferral, go, openBrowser, screen, textOf, type FormField } from './console-support';

jest.setTimeout(300_000);

describe('the console in a real browser: a housing referral from sign-in to a closed case with its report', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    consoleUrl = platform.serviceUrl('console');
    // A case manager to put on the case (staff are set up by an administrator, not part of this journey).
    await platform.ok('POST', '/v1/staff', {
      name: `Casey Manager ${tag}`,
      email: `casey-${tag}@provider.example`,
      payRatePence: 2000,
      maxCaseload: 20,
      weeklyAvailability: { wednesday: [{ start: '09:00', end: '17:00' }], monday: [], tuesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    ({ browser, page } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
  });

  it('sends anyone not signed in to the sign-in page, and refuses a wrong password in an error summary', async () => {
    await page.goto(`${consoleUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screen(page, '01-sign-in');
    await page.fill('#organisation', String(platform.seeded.organisationSlug));
    await page.fill('#email', String(platform.seeded.adminEmail));
    await page.fill('#password', 'not-the-password');
    await go(page, 'button:has-text("Sign in")');
    expect(await textOf(page, '.govuk-error-summary')).toContain('The organisation, email address or password is not right');
    expect(await page.title()).toMatch(/^Error: Sign in/);
    await screen(page, '02-sign-in-error');
  });

  it('signs the demo admin in to My work; the token is in an HttpOnly, SameSite=Strict cookie and never in a URL', async () => {
    await page.fill('#password', String(platform.seeded.adminPassword));
    await go(page, 'button:has-text("Sign in")');
    await page.waitForURL(`${consoleUrl}/`);
    expect(await textOf(page, 'h1')).toContain('My work');
    const session = (await page.context().cookies()).find((c) => c.name === 'console_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await screen(page, '03-my-work');
  });

  it('a form posted without the form token (as another site would) is refused', async () => {
    const res = await page.request.post(`${consoleUrl}/referrals/new?contract=${platform.contractId}&line=noise`, { form: { summary: 'forged' } });
    expect(res.status()).toBe(403);
  });

  let caseUrl: string;

  it('refers a housing case from the form the contract defines; the API’s field errors are listed and linked to their fields', async () => {
    const contract = await platform.ok<{
      definition: { serviceLines: { key: string; name: string; form: { fields: FormField[] }; referrers: { roles: string[] }[] }[] };
    }>('GET', `/v1/contracts/${platform.contractId}`);
    const line = contract.definition.serviceLines.find((l) => l.key === 'noise')!;
    await go(page, 'a:has-text("New referral")');
    if (contract.definition.serviceLines.length > 1) await go(page, `a:has-text("${line.name}")`);
    expect(await textOf(page, 'h1')).toContain(`New referral: ${line.name}`);
    for (const field of line.form.fields) expect(await page.locator(`#answers-${field.key}`).count()).toBe(1);
    await screen(page, '04-new-referral');

    await go(page, 'button:has-text("Send referral")');
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.innerText()).toContain('There is a problem');
    const firstLink = summary.locator('a').first();
    const target = (await firstLink.getAttribute('href'))!;
    expect(await page.locator(target).count()).toBe(1);
    expect(await summary.innerText()).toContain('Referring officer’s name');
    await screen(page, '05-new-referral-errors');

    await fillReferral(page, line, {
      referrer: { name: 'Pat Officer', email: `pat-${tag}@council.example`, organisation: 'Demo Borough Council' },
      summary: 'Loud music from the flat above after midnight, most nights for three weeks.',
      complainant: 'Sam Resident',
      respondent: 'Alex Neighbour',
      consentMethod: 'verbal',
    });
    await go(page, 'button:has-text("Send referral")');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?done=referred$/, { timeout: 30_000 });
    caseUrl = page.url().replace(/\?.*$/, '');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Referral received and the case opened');
  });

  it('shows the case’s deadlines with their legal basis and London due dates with the day name', async () => {
    // Scheduling starts the clocks a moment after the case opens.
    for (let i = 0; i < 40 && (await page.locator('#deadlines tbody tr').count()) === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      await page.goto(caseUrl);
    }
    const rows = page.locator('#deadlines tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const first = await rows.first().innerText();
    expect(first).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ 20\d\d/);
    expect(await page.locator('#deadlines thead').innerText()).toContain('Legal basis');
    // No personal data in any URL the console made.
    expect(page.url()).not.toMatch(/Sam|Alex|Pat|council\.example/);
    await screen(page, '06-case-referred');
  });

  it('assigns a case manager, accepts the case, makes contact and closes it with an outcome', async () => {
    await page.selectOption('#staffId', { label: `Casey Manager ${tag}` });
    await page.selectOption('#role', 'case-manager');
    await go(page, 'button:has-text("Assign")');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Staff assigned');
    await go(page, 'button:has-text("Move to accepted")');
    expect(await textOf(page, 'h1')).toContain('accepted');
    await screen(page, '07-case-accepted');
    // A home visit three weeks ahead, on a Wednesday at 10:00 London time, with the case manager.
    const day = new Date(Date.now() + 21 * 86_400_000);
    day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
    await page.selectOption('#sessionType', { index: 0 });
    await page.fill('#location', 'The service user’s home');
    await page.fill('#date', day.toISOString().slice(0, 10));
    await page.fill('#time', '10:00');
    await go(page, 'button:has-text("Book session")');
    expect(await textOf(page, 'main')).not.toContain('There is a problem');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('Session booked');
    expect(await textOf(page, '#sessions + ul')).toMatch(/Wednesday \d{1,2} \w+ 20\d\d at 10:00am/);
    await go(page, 'button:has-text("Move to contacted")');
    expect(await textOf(page, 'h1')).toContain('contacted');
    await page.fill('#note', 'Spoke to Sam; both neighbours willing to meet.');
    await go(page, 'button:has-text("Add note")');
    expect(await textOf(page, '#notes')).toBeTruthy();
    await page.selectOption('#outcome', 'good-neighbour-agreement');
    await page.fill('#reason', 'Both neighbours signed a good neighbour agreement on quiet hours.');
    await go(page, 'button:has-text("Close case")');
    expect(await textOf(page, 'h1')).toContain('closed');
  });

  it('downloads the case report PDF once it is issued', async () => {
    for (let i = 0; i < 60 && (await page.locator('a:has-text("Download the case report")').count()) === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      await page.goto(caseUrl);
    }
    await screen(page, '08-case-closed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Download the case report")')]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('signs out: the token stops working at the gateway and My work asks to sign in again', async () => {
    const token = (await page.context().cookies()).find((c) => c.name === 'console_session')!.value;
    await go(page, 'button:has-text("Sign out")');
    await page.waitForURL(`${consoleUrl}/sign-in`);
    const me = await fetch(`${platform.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    await page.goto(`${consoleUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
