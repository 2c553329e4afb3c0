import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where every console suite saves its screenshots (one picture per screen). */
export const SCREENSHOTS = path.resolve(__dirname, '../tmp/console-screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium (browser downloads are not reachable), headless, for the console's browser suites. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** A fresh page that accepts downloads; the console's CSP refuses inline scripts, so only the test's own axe-core injection is let past it. */
export function consolePage(browser: Browser): Promise<Page> {
  return browser.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 900 }, bypassCSP: true });
}

/** The browser and its first page. */
export async function openBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  return { browser, page: await consolePage(browser) };
}

/** axe-core on the page as it stands: the serious and critical violations, by rule and element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/** Every screen: saved as a picture, and checked by axe with zero serious violations allowed. */
export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect({ screen: name, serious: await seriousViolations(page) }).toEqual({ screen: name, serious: [] });
}

/** Clicks a button or link that loads a new page, and waits for that page. */
export async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

export const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText();

/** The error summary's first link points at a control that is on the page; its text is returned. */
export async function errorSummaryLinksToField(page: Page): Promise<string> {
  const summary = page.locator('.govuk-error-summary');
  const target = (await summary.locator('a').first().getAttribute('href'))!;
  expect(await page.locator(target).count()).toBe(1);
  return summary.innerText();
}

/** The demo administrator the platform under test seeds with its organisation, as the sign-in form asks for them. */
export function seededAdmin(seeded: Record<string, unknown>): { organisation: string; email: string; password: string } {
  return { organisation: String(seeded.organisationSlug), email: String(seeded.adminEmail), password: String(seeded.adminPassword) };
}

/** Signs a person in through the console's own form and waits for the page it lands on. */
export async function signIn(page: Page, consoleUrl: string, person: { organisation: string; email: string; password: string }): Promise<void> {
  await page.goto(`${consoleUrl}/sign-in`);
  await page.fill('#organisation', person.organisation);
  await page.fill('#email', person.email);
  await page.fill('#password', person.password);
  await go(page, 'button:has-text("Sign in")');
}

export interface FormField {
  key: string;
  type: string;
  required?: boolean;
  options?: { value: string }[];
}

/** An answer of the right kind for a required field of the contract's form. */
export function answerFor(field: FormField): string {
  switch (field.type) {
    case 'date':
      return '2026-11-20';
    case 'datetime':
      return '2026-11-20T10:00:00Z';
    case 'email':
      return 'someone@example.org';
    case 'phone':
      return '020 7946 0000';
    case 'number':
      return '1';
    case 'boolean':
      return 'yes';
    case 'select':
      return field.options![0].value;
    case 'postcode':
      return 'SW1A 1AA';
    default:
      return 'Flat 2, 10 High Street';
  }
}

export interface ReferralEntry {
  referrer: { name: string; email: string; organisation: string };
  summary: string;
  /** The resident referred, who consents, and the neighbour complained of. */
  complainant: string;
  respondent: string;
  consentMethod: 'verbal' | 'written';
}

/** Fills the New referral form drawn from a housing line: the referrer, every required answer, two parties with consent. */
export async function fillReferral(page: Page, line: { form: { fields: FormField[] }; referrers: { roles: string[] }[] }, entry: ReferralEntry): Promise<void> {
  await page.fill('#referrer-name', entry.referrer.name);
  await page.fill('#referrer-email', entry.referrer.email);
  await page.fill('#referrer-organisation', entry.referrer.organisation);
  if (await page.locator('#referrerType').count()) await page.selectOption('#referrerType', line.referrers[0]?.roles[0] ?? 'council');
  await page.fill('#summary', entry.summary);
  for (const field of line.form.fields.filter((f) => f.required)) {
    const id = `#answers-${field.key}`;
    if (['select', 'boolean'].includes(field.type)) await page.selectOption(id, answerFor(field));
    else await page.fill(id, answerFor(field));
  }
  await page.selectOption('#parties-0-role', 'complainant');
  await page.fill('#parties-0-name', entry.complainant);
  await page.selectOption('#parties-0-consent', 'yes');
  await page.selectOption('#parties-0-consentMethod', entry.consentMethod);
  await page.selectOption('#parties-1-role', 'respondent');
  await page.fill('#parties-1-name', entry.respondent);
}
