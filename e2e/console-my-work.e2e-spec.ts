import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { addDaysToDate, atLondonTime, londonDate } from '@mediation/calendar';
import { PlatformUnderTest, noiseReferral } from '@mediation/testing';
import { consolePage, errorSummaryLinksToField, go, openBrowser, screen, seededAdmin, signIn, textOf } from './console-support';

jest.setTimeout(300_000);

const DAY_NAME = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ 20\d\d/;
const WEEKDAY = [{ start: '09:00', end: '17:00' }];
const HOUR = 3_600_000;
/** An instant as a person types it into the form: London date and 24-hour time. */
const londonTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('the console’s My work in a real browser: marking an overdue task done and acknowledging a complaint', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  let caseId: string;
  let reference: string;
  let complaintId: string;
  const tag = randomUUID().slice(0, 8);
  const letter = `Send the visit letter ${tag}`;
  const call = `Call the neighbour back ${tag}`;
  const receivedAt = new Date(Date.now() - 2 * HOUR);
  const mediator = { email: `morgan-${tag}@provider.example`, password: 'a-long-mediator-password' };
  const tasks = () => platform.ok<{ items: { title: string; completedAt: string | null }[] }>('GET', `/v1/cases/${caseId}/tasks`);
  const complaints = () => platform.ok<{ items: { id: string; status: string; acknowledgedAt: string | null }[] }>('GET', `/v1/cases/${caseId}/complaints`);
  const taskId = async (title: string) =>
    (await platform.ok<{ items: { id: string; title: string }[] }>('GET', `/v1/cases/${caseId}/tasks`)).items.find((t) => t.title === title)!.id;
  const overdueTasks = () => page.locator('#overdue-tasks');
  const complaintsTable = () => page.locator('table:has(caption:has-text("Complaints to acknowledge"))');

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    consoleUrl = platform.serviceUrl('console');
    const staff = await platform.ok<{ id: string }>('POST', '/v1/staff', {
      name: `Morgan Mediator ${tag}`,
      email: mediator.email,
      payRatePence: 2000,
      maxCaseload: 20,
      weeklyAvailability: { monday: WEEKDAY, tuesday: WEEKDAY, wednesday: WEEKDAY, thursday: WEEKDAY, friday: WEEKDAY, saturday: [], sunday: [] },
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    ({ caseId, reference } = await platform.refer(noiseReferral(platform.contractId)));
    await platform.ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: staff.id, role: 'mediator' });
    // Work waiting: two tasks that fell due last week, and a complaint received two hours ago and not yet acknowledged.
    for (const title of [letter, call]) await platform.ok('POST', `/v1/cases/${caseId}/tasks`, { title, dueOn: addDaysToDate(londonDate(new Date()), -7) });
    complaintId = (
      await platform.ok<{ id: string }>('POST', `/v1/cases/${caseId}/complaints`, {
        complainant: 'Sam Resident',
        summary: 'Nobody called back about the noise.',
        receivedAt: receivedAt.toISOString(),
      })
    ).id;
    await platform.ok('POST', '/v1/users', { ...mediator, name: `Morgan Mediator ${tag}`, roles: ['mediator'], staffId: staff.id });
    ({ browser, page } = await openBrowser());
    await signIn(page, consoleUrl, seededAdmin(platform.seeded));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
  });

  it('offers the administrator Mark done on each overdue task and Acknowledge on the complaint, by ids only', async () => {
    await page.goto(`${consoleUrl}/`);
    // Each button and link is named for a screen reader by what it acts on, not just "Mark done" or "Acknowledge".
    for (const title of [letter, call])
      expect(
        await overdueTasks()
          .getByRole('button', { name: new RegExp(`^Mark done\\s*: ${title}$`) })
          .count(),
      ).toBe(1);
    const acknowledge = complaintsTable().getByRole('link', {
      name: new RegExp(`^Acknowledge the complaint on case ${reference} received ${DAY_NAME.source}`),
    });
    expect(await acknowledge.getAttribute('href')).toBe(`/work/cases/${caseId}/complaints/${complaintId}/acknowledge`);
    await screen(page, 'mw-01-my-work-actions');
    // A post without the page's form token (another site's form) is refused and changes nothing.
    const forged = await page.request.post(`${consoleUrl}/work/cases/${caseId}/tasks/${await taskId(letter)}/complete`, { form: {} });
    expect(forged.status()).toBe(403);
    expect((await tasks()).items.find((t) => t.title === letter)!.completedAt).toBeNull();
  });

  it('marks the overdue task done with the keyboard alone: a success banner, the task gone from My work and done in the API', async () => {
    await page.focus(`#overdue-tasks tr:has-text("${letter}") button`);
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${consoleUrl}/?done=task-done`);
    expect(await textOf(page, '.govuk-notification-banner--success')).toContain('Task marked done');
    expect(await overdueTasks().innerText()).not.toContain(letter);
    expect(await overdueTasks().innerText()).toContain(call);
    expect((await tasks()).items.find((t) => t.title === letter)!.completedAt).not.toBeNull();
    await screen(page, 'mw-02-task-done');
  });

  it('a task someone else marked done meanwhile: the API’s refusal in the error summary, its instant in London time', async () => {
    await platform.ok('POST', `/v1/cases/${caseId}/tasks/${await taskId(call)}/complete`, {});
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      go(page, `#overdue-tasks tr:has-text("${call}") button`),
    ]);
    expect(response.status()).toBe(409);
    expect(await page.title()).toMatch(/^Error: My work/);
    const summary = await errorSummaryLinksToField(page);
    expect(summary).toContain('The task was completed at');
    expect(summary).toMatch(DAY_NAME);
    expect(await textOf(page, 'main')).not.toContain(call);
    await screen(page, 'mw-03-task-refused');
  });

  it('acknowledges the complaint on its own page: the API’s 400s linked to the date, then the time it was told, back to My work', async () => {
    await page.goto(`${consoleUrl}/`);
    await go(page, `a[href="/work/cases/${caseId}/complaints/${complaintId}/acknowledge"]`);
    expect(new URL(page.url()).pathname).toMatch(/^\/work\/cases\/[0-9a-f-]{36}\/complaints\/[0-9a-f-]{36}\/acknowledge$/);
    expect(await textOf(page, 'h1')).toBe('Acknowledge a complaint');
    const summaryList = await textOf(page, '.govuk-summary-list');
    expect(summaryList).toContain('Sam Resident');
    expect(summaryList).toContain('Nobody called back about the noise.');
    expect(summaryList).toMatch(DAY_NAME);
    await screen(page, 'mw-04-acknowledge-complaint');

    // Told tomorrow: the API refuses a time in the future, and the form keeps what was typed.
    const tomorrow = addDaysToDate(londonDate(new Date()), 1);
    await page.fill('#acknowledged-date', tomorrow);
    await page.fill('#acknowledged-time', '10:00');
    await go(page, 'button:has-text("Acknowledge complaint")');
    expect(await errorSummaryLinksToField(page)).toContain('it must not be in the future');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#acknowledged-date');
    expect(await textOf(page, '#acknowledged-date-error')).toContain('must not be in the future');
    expect(await page.inputValue('#acknowledged-date')).toBe(tomorrow);
    await screen(page, 'mw-05-acknowledge-refused');

    // Told the day before it was received: refused, naming the receipt in London time.
    await page.fill('#acknowledged-date', addDaysToDate(londonDate(receivedAt), -1));
    await page.fill('#acknowledged-time', '09:00');
    await go(page, 'button:has-text("Acknowledge complaint")');
    const early = await errorSummaryLinksToField(page);
    expect(early).toContain('must not be before the complaint was received');
    expect(early).toMatch(DAY_NAME);

    // Told half an hour ago.
    const told = new Date(Date.now() - HOUR / 2);
    await page.fill('#acknowledged-date', londonDate(told));
    await page.fill('#acknowledged-time', londonTime(told));
    await go(page, 'button:has-text("Acknowledge complaint")');
    expect(page.url()).toBe(`${consoleUrl}/?done=complaint-acknowledged`);
    expect(await textOf(page, '.govuk-notification-banner--success')).toContain('Complaint acknowledged');
    expect(await page.locator(`a[href*="/complaints/${complaintId}/"]`).count()).toBe(0);
    expect(await textOf(page, 'main')).toContain('Every complaint received has been acknowledged.');
    const acknowledged = (await complaints()).items.find((c) => c.id === complaintId)!;
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedAt: atLondonTime(londonDate(told), londonTime(told)).toISOString() });
    await screen(page, 'mw-06-complaint-acknowledged');

    // Its page now says so instead of offering the form again.
    await page.goto(`${consoleUrl}/work/cases/${caseId}/complaints/${complaintId}/acknowledge`);
    expect(await textOf(page, '#acknowledge')).toMatch(new RegExp(`This complaint was acknowledged on ${DAY_NAME.source}`));
  });

  it('a mediator may mark a task done but not acknowledge a complaint: offered only the first, and refused by the API at the second', async () => {
    await platform.ok('POST', `/v1/cases/${caseId}/tasks`, { title: `Book the interpreter ${tag}`, dueOn: addDaysToDate(londonDate(new Date()), -2) });
    const second = await platform.ok<{ id: string }>('POST', `/v1/cases/${caseId}/complaints`, {
      complainant: 'Alex Neighbour',
      summary: 'The visit was rearranged twice.',
      receivedAt: new Date().toISOString(),
    });
    const own = await consolePage(browser);
    await signIn(own, consoleUrl, { organisation: String(platform.seeded.organisationSlug), ...mediator });
    expect(await own.locator(`#overdue-tasks tr:has-text("Book the interpreter ${tag}") button`).count()).toBe(1);
    const waiting = own.locator('table:has(caption:has-text("Complaints to acknowledge"))');
    expect(await waiting.locator(`a:has-text("${reference}")`).count()).toBe(1);
    expect(await waiting.locator('a:has-text("Acknowledge")').count()).toBe(0);
    expect(await textOf(own, 'main')).toContain('A case manager or an administrator acknowledges complaints.');
    await screen(own, 'mw-07-my-work-mediator');
    // The page itself is not offered to them; reached by its address, the API still decides.
    await own.goto(`${consoleUrl}/work/cases/${caseId}/complaints/${second.id}/acknowledge`);
    await go(own, 'button:has-text("Acknowledge complaint")');
    const refused = await errorSummaryLinksToField(own);
    expect(refused).toContain('This route needs one of the roles provider-admin, case-manager');
    expect((await complaints()).items.find((c) => c.id === second.id)!.status).toBe('received');
    await screen(own, 'mw-08-acknowledge-refused-mediator');
    await own.close();
  });
});
