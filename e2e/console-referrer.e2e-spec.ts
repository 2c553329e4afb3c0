import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PlatformUnderTest } from '@mediation/testing';
import { fillReferral, go, launchChromium, screen, textOf, type FormField } from './console-support';

jest.setTimeout(300_000);

/**
 * The buyer's officers in the console: a council officer who refers (linked to the demo housing
 * contract only) and a commissioner. Another active contract of the provider, not linked to them,
 * must not show: if it did, New referral would ask which contract instead of drawing the form.
 */
describe('the console for a buyer’s officers: a referrer refers into their contract, a commissioner sees theirs', () => {
  let platform: PlatformUnderTest;
  let browser: Browser;
  let consoleUrl: string;
  let unlinkedTitle: string;
  const tag = randomUUID().slice(0, 8);
  const password = `a-long-password-${tag}`;

  /** A person of the demo organisation with one role, linked to the demo contract; a fresh browser page signed in as them. */
  async function signIn(role: 'referrer' | 'commissioner'): Promise<Page> {
    const email = `${role}-${tag}@council.example`;
    await platform.ok('POST', '/v1/users', {
      email,
      name: `Robin ${role === 'referrer' ? 'Referrer' : 'Commissioner'}`,
      roles: [role],
      password,
      contractIds: [platform.contractId],
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
    await page.goto(`${consoleUrl}/sign-in`);
    await page.fill('#organisation', String(platform.seeded.organisationSlug));
    await page.fill('#email', email);
    await page.fill('#password', password);
    await go(page, 'button:has-text("Sign in")');
    return page;
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    consoleUrl = platform.serviceUrl('console');
    unlinkedTitle = `Possession mediation not linked ${tag}`;
    await platform.ok('POST', '/v1/contracts', { template: 'possession', reference: `UNLINKED-${tag}`, title: unlinkedTitle, publish: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
  });

  describe('a referrer', () => {
    let page: Page;
    let referralUrl: string;

    beforeAll(async () => {
      page = await signIn('referrer');
    });

    it('lands on New referral with the form of the one contract they are linked to, and no link to cases', async () => {
      expect(new URL(page.url()).pathname).toBe('/referrals/new');
      const form = await platform.ok<{ serviceLines: { key: string; name: string; form: { fields: FormField[] } }[] }>(
        'GET',
        `/v1/contracts/${platform.contractId}/referral-form`,
      );
      const line = form.serviceLines.find((l) => l.key === 'noise')!;
      if (form.serviceLines.length > 1) await go(page, `a:has-text("${line.name}")`);
      expect(await textOf(page, 'h1')).toContain(`New referral: ${line.name}`);
      expect(await page.locator('main').innerText()).not.toContain(unlinkedTitle);
      for (const field of line.form.fields) expect(await page.locator(`#answers-${field.key}`).count()).toBe(1);
      expect(await page.locator('header a:has-text("My work")').count()).toBe(0);
      await screen(page, 'referrer-01-new-referral');
    });

    it('sends a referral and sees a confirmation with its reference, not a case page it may not open', async () => {
      const form = await platform.ok<{ serviceLines: { key: string; form: { fields: FormField[] }; referrers: { roles: string[] }[] }[] }>(
        'GET',
        `/v1/contracts/${platform.contractId}/referral-form`,
      );
      const line = form.serviceLines.find((l) => l.key === 'noise')!;
      await fillReferral(page, line, {
        referrer: { name: 'Robin Referrer', email: `robin-${tag}@council.example`, organisation: 'Demo Borough Council' },
        summary: 'Repeated shouting and banging through the party wall late at night.',
        complainant: 'Jo Tenant',
        respondent: 'Lee Upstairs',
        consentMethod: 'written',
      });
      await go(page, 'button:has-text("Send referral")');
      await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      referralUrl = page.url();
      expect(await textOf(page, '.govuk-panel__title')).toBe('Referral received');
      const reference = await textOf(page, '#referral-reference');
      const referralId = referralUrl.split('/').pop()!;
      expect((await platform.ok<{ reference: string }>('GET', `/v1/referrals/${referralId}`)).reference).toBe(reference);
      expect(page.url()).not.toMatch(/Jo|Lee|Robin|council\.example/);
      await screen(page, 'referrer-02-referral-received');
    });

    it('still sees the confirmation once the provider has opened the case, and the case page stays closed to them', async () => {
      const referralId = referralUrl.split('/').pop()!;
      const caseId = await (async () => {
        for (let i = 0; i < 60; i += 1) {
          const referral = await platform.ok<{ caseId: string | null }>('GET', `/v1/referrals/${referralId}`);
          if (referral.caseId) return referral.caseId;
          await new Promise((r) => setTimeout(r, 250));
        }
        throw new Error('the case did not open');
      })();
      await page.goto(referralUrl);
      expect(new URL(page.url()).pathname).toBe(`/referrals/${referralId}`);
      expect(await textOf(page, 'main')).toContain('The provider has opened a case for this referral');
      await page.goto(`${consoleUrl}/cases/${caseId}`);
      expect(await textOf(page, 'h1')).toContain('You cannot see this page');
    });
  });

  describe('a commissioner', () => {
    it('lands on the one contract linked to them, not on a page the API refuses them', async () => {
      const page = await signIn('commissioner');
      // One contract: the list goes straight to its page.
      expect(new URL(page.url()).pathname).toBe(`/contracts/${platform.contractId}`);
      expect(await page.locator('main').innerText()).not.toContain(unlinkedTitle);
      await screen(page, 'commissioner-01-contract');
      // The header's home link is My work, which is not theirs: it brings them back here.
      await page.goto(`${consoleUrl}/`);
      expect(new URL(page.url()).pathname).toBe(`/contracts/${platform.contractId}`);
    });
  });
});
