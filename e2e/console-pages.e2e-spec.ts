import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { addDaysToDate, atLondonTime, endOfLondonDay, londonDate, londonWeekday, WorkingCalendar } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { SCREENSHOTS, consolePage, go, launchChromium, screen, seededAdmin, signIn, textOf } from './console-support';

jest.setTimeout(300_000);

const WEEKDAY = [{ start: '09:00', end: '17:00' }];
const DAY_NAME = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ 20\d\d/;

describe('the console’s My work, Calendar and Contract pages in a real browser, as staff and as the buyer’s officer', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  const tag = randomUUID().slice(0, 8);
  const venueName = `Civic Centre Room ${tag}`;
  const mediatorName = `Morgan Mediator ${tag}`;
  let caseId: string;
  let reference: string;
  let sessionDate: string;
  let otherContract: string;
  const commissioner = { email: `commissioner-${tag}@council.example`, password: 'a-long-commissioner-password' };
  const mediator = { email: `morgan-${tag}@provider.example`, password: 'a-long-mediator-password' };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await PlatformUnderTest.start();
    consoleUrl = platform.serviceUrl('console');
    const staff = await platform.ok<{ id: string }>('POST', '/v1/staff', {
      name: mediatorName,
      email: `morgan-${tag}@provider.example`,
      payRatePence: 2000,
      maxCaseload: 20,
      weeklyAvailability: { monday: WEEKDAY, tuesday: WEEKDAY, wednesday: WEEKDAY, thursday: WEEKDAY, friday: WEEKDAY, saturday: [], sunday: [] },
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    const venue = await platform.ok<{ id: string }>('POST', '/v1/venues', {
      name: venueName,
      address: { line1: '1 High Street', town: 'Townsville', postcode: 'AB1 2CD' },
      accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: true, parking: false },
    });
    ({ caseId, reference } = await platform.refer({
      contractId: platform.contractId,
      referrer: { name: 'Pat Officer', email: `pat-${tag}@council.example`, organisation: 'Demo Borough Council' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Sam Resident' }],
      summary: 'Loud music after midnight.',
      consent: [{ givenBy: 'Sam Resident', relationship: 'complainant', givenAt: new Date().toISOString(), method: 'verbal', recordedBy: 'Pat Officer' }],
    }));
    await platform.ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: staff.id, role: 'case-manager' });
    await platform.ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'accepted' });
    // A session at the venue three weeks ahead, on a Wednesday at 10:00 London time.
    const ahead = addDaysToDate(londonDate(new Date()), 21);
    sessionDate = addDaysToDate(ahead, (3 - londonWeekday(ahead) + 7) % 7);
    const contract = await platform.ok<{ definition: { serviceLines: { key: string; sessionTypes: { key: string; mode: string }[] }[] } }>(
      'GET',
      `/v1/contracts/${platform.contractId}`,
    );
    const sessionType = contract.definition.serviceLines.find((l) => l.key === 'noise')!.sessionTypes.find((t) => t.mode !== 'remote')!;
    await platform.ok('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: sessionType.key,
      mode: 'in-person',
      venueId: venue.id,
      startsAt: atLondonTime(sessionDate, '10:00').toISOString(),
      endsAt: atLondonTime(sessionDate, '11:00').toISOString(),
      staffIds: [staff.id],
      parties: [{ name: 'Sam Resident', role: 'complainant' }],
    });
    // Work waiting: a task that fell due last week, and a complaint received today and not yet acknowledged.
    await platform.ok('POST', `/v1/cases/${caseId}/tasks`, { title: `Send the visit letter ${tag}`, dueOn: addDaysToDate(londonDate(new Date()), -7) });
    await platform.ok('POST', `/v1/cases/${caseId}/complaints`, {
      complainant: 'Sam Resident',
      summary: 'Nobody called back.',
      receivedAt: new Date().toISOString(),
    });
    // A month's KPI pack issued on demand, for the Contract page to link to.
    await platform.ok('POST', `/v1/contracts/${platform.contractId}/reports`, { period: londonDate(new Date()).slice(0, 7) });
    otherContract = (await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'housing-asb', reference: `CP-${tag}`, publish: true })).id;
    await platform.ok('POST', '/v1/users', { ...commissioner, name: 'Chris Commissioner', roles: ['commissioner'], contractIds: [platform.contractId] });
    // The mediator signs in with an account linked to their staff profile.
    await platform.ok('POST', '/v1/users', { ...mediator, name: mediatorName, roles: ['mediator'], staffId: staff.id });
    browser = await launchChromium();
    page = await consolePage(browser);
    await signIn(page, consoleUrl, seededAdmin(platform.seeded));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
  });

  it('the API lists sessions across cases by person or venue and week, and refuses a range it cannot answer naming the field', async () => {
    const week = {
      from: atLondonTime(addDaysToDate(sessionDate, -2), '00:00').toISOString(),
      to: atLondonTime(addDaysToDate(sessionDate, 5), '00:00').toISOString(),
    };
    const inWeek = await platform.ok<{ items: { caseId: string }[] }>('GET', `/v1/sessions?${new URLSearchParams(week)}`);
    expect(inWeek.items.map((s) => s.caseId)).toContain(caseId);
    const tooLong = await platform.request<{ errors: { field: string }[] }>('GET', `/v1/sessions?from=${week.from}&to=2099-01-01T00:00:00Z`);
    expect({ status: tooLong.status, fields: tooLong.body.errors.map((e) => e.field) }).toEqual({ status: 400, fields: ['query.to'] });
    // The case's clocks (contact and first visit within two weeks), started by scheduling as it opened, are in the provider's queue.
    const horizon = atLondonTime(addDaysToDate(londonDate(new Date()), 30), '00:00').toISOString();
    const queued = await waitUntil(
      async () => {
        const { items } = await platform.ok<{ items: { caseId: string; rule: string; status: string }[] }>('GET', `/v1/deadlines?dueBefore=${horizon}`);
        const own = items.filter((d) => d.caseId === caseId);
        return own.length >= 2 ? own : undefined;
      },
      { what: 'the case’s deadlines in GET /v1/deadlines' },
    );
    expect(queued.map((d) => [d.rule, d.status]).sort()).toEqual([
      ['first-visit', 'pending'],
      ['initial-contact', 'pending'],
    ]);
  });

  it('My work lists the deadlines due in 10 working days as the API queues them, the overdue task and the complaint to acknowledge, each linked to its case by reference', async () => {
    await page.goto(`${consoleUrl}/`);
    // The deadlines table is the API's queue up to the end of the 10th London working day from today, breached first.
    const tenWorkingDays = endOfLondonDay(new WorkingCalendar().addWorkingDaysToDate(londonDate(new Date()), 10)).toISOString();
    const due = await platform.ok<{ items: { caseReference: string; status: string }[] }>('GET', `/v1/deadlines?dueBefore=${tenWorkingDays}`);
    const deadlines = page.locator('table:has(caption:has-text("Deadlines breached or due")) tbody tr');
    if (due.items.length === 0) expect(await deadlines.innerText()).toContain('No deadlines are breached or due in the next 10 working days');
    else {
      expect(await deadlines.count()).toBe(due.items.length);
      expect(await deadlines.first().innerText()).toMatch(DAY_NAME);
      const breachedFirst = [...due.items].sort((a, b) => Number(b.status === 'breached') - Number(a.status === 'breached'));
      expect(await deadlines.locator('td:nth-child(3)').allInnerTexts()).toEqual(breachedFirst.map((d) => d.caseReference));
    }
    const tasks = page.locator('table:has(caption:has-text("Tasks overdue"))');
    expect(await tasks.innerText()).toContain(`Send the visit letter ${tag}`);
    expect(await tasks.innerText()).toMatch(DAY_NAME);
    expect(await tasks.locator(`a:has-text("${reference}")`).getAttribute('href')).toBe(`/cases/${caseId}`);
    const complaints = page.locator('table:has(caption:has-text("Complaints to acknowledge"))');
    expect(await complaints.locator(`a[href="/cases/${caseId}"]:has-text("${reference}")`).count()).toBe(1);
    expect(await complaints.innerText()).toMatch(DAY_NAME);
    expect(await complaints.innerText()).not.toContain('Nobody called back');
    await screen(page, '20-my-work-tasks-complaints');
  });

  it('Calendar: a venue chosen with the keyboard alone, then week by week to its session, London dates with the day name', async () => {
    await go(page, 'a.govuk-header__link:has-text("Calendar")');
    expect(await textOf(page, 'h1')).toContain('Calendar');
    await screen(page, '21-calendar-choose');
    await page.focus('#who');
    await page.selectOption('#who', { label: venueName });
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await textOf(page, 'h1')).toBe(`Calendar: ${venueName}`);
    for (let i = 0; i < 6 && (await page.locator(`a:has-text("${reference}")`).count()) === 0; i += 1) await go(page, 'a:has-text("Next week")');
    const row = page.locator(`tr:has(a:has-text("${reference}"))`);
    expect(await row.innerText()).toContain('10:00am to 11:00am');
    expect(await row.innerText()).toContain(mediatorName);
    expect(
      await page.locator(`caption:has-text("${new Intl.DateTimeFormat('en-GB', { weekday: 'long' }).format(new Date(`${sessionDate}T12:00:00Z`))}")`).count(),
    ).toBe(1);
    // The URL says whose and which week by id and date only: no name, no email.
    expect(page.url()).toMatch(/\/calendar\?who=venue%3A[0-9a-f-]{36}&week=\d{4}-\d{2}-\d{2}$/);
    await screen(page, '22-calendar-venue-week');
    await go(page, 'a:has-text("Next week")');
    expect(await textOf(page, 'main')).toContain('No sessions are booked');
    await screen(page, '23-calendar-empty-week');
  });

  it('Contract: the month’s KPIs against target with RAG tags, the billing position and the month’s pack PDF', async () => {
    await go(page, 'a.govuk-header__link:has-text("Contracts")');
    if (new URL(page.url()).pathname === '/contracts') await go(page, `a[href="/contracts/${platform.contractId}"]`);
    expect(new URL(page.url()).pathname).toBe(`/contracts/${platform.contractId}`);
    const kpis = page.locator('table:has(caption:has-text("The whole contract"))');
    expect(await kpis.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await kpis.locator('.govuk-tag').first().innerText()).toMatch(/Green: on target|Red: below target|Nothing to measure|No target/);
    expect(await textOf(page, 'main')).toContain('Billing position this contract year');
    await screen(page, '24-contract');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Download the KPI pack")')]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // Another month is chosen with the form; the URL carries only the month.
    const previous = await page.locator('#month option').nth(1).getAttribute('value');
    await page.selectOption('#month', previous!);
    await go(page, 'button:has-text("Show month")');
    expect(page.url()).toBe(`${consoleUrl}/contracts/${platform.contractId}?month=${previous}`);
    expect(await textOf(page, 'main')).toContain('No pack has been issued');
  });

  it('a commissioner sees only Contracts, lands on their own contract, and is refused another', async () => {
    const officer = await consolePage(browser);
    const organisation = (await platform.ok<{ slug: string }>('GET', '/v1/organisation')).slug;
    await signIn(officer, consoleUrl, { organisation, ...commissioner });
    expect(new URL(officer.url()).pathname).toBe(`/contracts/${platform.contractId}`);
    expect(await officer.locator('.govuk-header__navigation-item').allInnerTexts()).toEqual(['Contracts']);
    expect(await officer.locator('table:has(caption:has-text("The whole contract")) tbody tr').count()).toBeGreaterThan(0);
    await screen(officer, '25-contract-commissioner');
    await officer.goto(`${consoleUrl}/calendar`);
    expect(new URL(officer.url()).pathname).toBe(`/contracts/${platform.contractId}`);
    const refused = await officer.goto(`${consoleUrl}/contracts/${otherContract}`);
    expect(refused?.status()).toBe(403);
    expect(await textOf(officer, 'h1')).toBe('You cannot see this page');
    await screen(officer, '26-contract-refused');
    await officer.close();
  });

  it('a mediator opens the Calendar on their own week (they cannot list other staff) and pages to their session', async () => {
    const own = await consolePage(browser);
    await signIn(own, consoleUrl, { organisation: String(platform.seeded.organisationSlug), ...mediator });
    expect(await own.locator('.govuk-header__navigation-item').allInnerTexts()).toEqual(['My work', 'Calendar']);
    await go(own, 'a.govuk-header__link:has-text("Calendar")');
    expect(await textOf(own, 'h1')).toBe(`Calendar: ${mediatorName} (you)`);
    expect(await own.locator('#who optgroup[label="People"] option').allInnerTexts()).toEqual([`${mediatorName} (you)`]);
    for (let i = 0; i < 6 && (await own.locator(`a:has-text("${reference}")`).count()) === 0; i += 1) await go(own, 'a:has-text("Next week")');
    expect(await own.locator(`tr:has(a:has-text("${reference}"))`).innerText()).toContain(venueName);
    await screen(own, '27-calendar-mediator');
    await own.close();
  });
});
