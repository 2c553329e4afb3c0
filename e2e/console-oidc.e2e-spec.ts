import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { LocalOidcProvider, PlatformUnderTest } from '@mediation/testing';
import { launchChromium, screen, textOf } from './console-browser';

jest.setTimeout(300_000);

const CLIENT = { clientId: 'mediation-console', clientSecret: `secret-${randomUUID()}` };

describe('the console with the organisation’s OpenID Connect provider, in a real browser', () => {
  let idp: LocalOidcProvider;
  let platform: PlatformUnderTest;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  const mediator = { email: `mo-${randomUUID().slice(0, 8)}@provider.example`, name: 'Mo Mediator' };
  const casey = { email: `casey-${randomUUID().slice(0, 8)}@provider.example`, name: 'Casey Both' };

  /** From the console's sign-in page to the provider's form and back, as the person with this email. */
  async function signInThroughProvider(email: string): Promise<void> {
    await page.goto(`${consoleUrl}/sign-in`);
    await Promise.all([page.waitForURL(`${idp.browserBase}/authorize?**`), page.click('a:has-text("Sign in with Demo Organisation")')]);
    await page.fill('#idp-email', email);
    await Promise.all([page.waitForURL(`${consoleUrl}/**`), page.click('button:has-text("Continue")')]);
  }

  beforeAll(async () => {
    idp = await new LocalOidcProvider(CLIENT).start();
    const providers = [{ id: 'demo', name: 'Demo Organisation', issuer: idp.issuer, ...CLIENT }];
    // OIDC_ALLOW_LOOPBACK: the gateway may fetch the provider's keys from this machine.
    platform = await PlatformUnderTest.start({ env: { OIDC_ALLOW_LOOPBACK: 'true', CONSOLE_OIDC_PROVIDERS: JSON.stringify(providers) } });
    consoleUrl = platform.serviceUrl('console');
    // What the provider's administrator registers: the console's callback, and where to go after signing out.
    idp.redirectUris.add(`${consoleUrl}/sign-in/oidc/callback`);
    // The organisation trusts its provider for tokens whose audience is the console's client id.
    await platform.ok('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: CLIENT.clientId });
    await platform.ok('POST', '/v1/users', { ...mediator, roles: ['mediator'] });
    // Here a case manager and mediator; the provider's roles claim says only mediator, and it may narrow.
    await platform.ok('POST', '/v1/users', { ...casey, roles: ['case-manager', 'mediator'] });
    idp.roles.set(casey.email, ['mediator']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.shutdown();
    await idp?.stop();
  });

  it('offers the organisation’s provider beside the local account form', async () => {
    await page.goto(`${consoleUrl}/sign-in`);
    expect(await textOf(page, 'a[href="/sign-in/with/demo"]')).toBe('Sign in with Demo Organisation');
    await screen(page, 'oidc-01-sign-in');
  });

  it('signs a mediator in through the provider to My work, with only the navigation a mediator has; the ID token is the HttpOnly session', async () => {
    await signInThroughProvider(mediator.email);
    await page.waitForURL(`${consoleUrl}/`);
    expect(await textOf(page, 'h1')).toContain('My work');
    expect(await page.locator('.govuk-header__navigation-item').allInnerTexts()).toEqual(['My work']);
    expect(await textOf(page, '.govuk-phase-banner')).toContain(`Signed in as ${mediator.name} (mediator)`);
    const cookies = await page.context().cookies(consoleUrl);
    const session = cookies.find((c) => c.name === 'console_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(decodeJwt(session.value)).toMatchObject({ iss: idp.issuer, aud: CLIENT.clientId, email: mediator.email });
    // The state, nonce and verifier were good for this one sign-in.
    expect(cookies.find((c) => c.name === 'console_oidc')).toBeUndefined();
    await screen(page, 'oidc-02-my-work');
  });

  it('signs out of the console and of the provider, which is told where to send the person back', async () => {
    await Promise.all([page.waitForURL(`${idp.browserBase}/end-session?**`), page.click('button:has-text("Sign out")')]);
    expect(idp.endSessions.at(-1)).toEqual({ clientId: CLIENT.clientId, postLogoutRedirectUri: `${consoleUrl}/sign-in` });
    expect((await page.context().cookies(consoleUrl)).find((c) => c.name === 'console_session')).toBeUndefined();
    await page.goto(`${consoleUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('refuses an answer that is not for the sign-in this browser started, with a page that says to start again', async () => {
    await page.goto(`${consoleUrl}/sign-in`);
    await Promise.all([page.waitForURL(`${idp.browserBase}/authorize?**`), page.click('a:has-text("Sign in with Demo Organisation")')]);
    const forged = await page.goto(`${consoleUrl}/sign-in/oidc/callback?code=stolen&state=${randomUUID()}`);
    expect(forged?.status()).toBe(400);
    expect(await textOf(page, 'h1')).toBe('Your sign-in could not be finished');
    expect(await textOf(page, 'main')).toContain('Start again from the sign-in page');
    expect((await page.context().cookies(consoleUrl)).find((c) => c.name === 'console_session')).toBeUndefined();
    await screen(page, 'oidc-03-bad-state');
  });

  it('tells someone the provider knows but the platform does not to ask their administrator, and signs them in to nothing', async () => {
    await signInThroughProvider(`stranger-${randomUUID().slice(0, 8)}@provider.example`);
    expect(await textOf(page, 'h1')).toBe('Your sign-in could not be finished');
    expect(await textOf(page, 'main')).toMatch(/No user of the organisation has the token’s email address[\s\S]*ask your administrator/);
    expect((await page.context().cookies(consoleUrl)).find((c) => c.name === 'console_session')).toBeUndefined();
    await screen(page, 'oidc-04-unknown-person');
  });

  it('shows a case manager whose provider narrows them to mediator only what a mediator sees', async () => {
    await signInThroughProvider(casey.email);
    await page.waitForURL(`${consoleUrl}/`);
    expect(await page.locator('.govuk-header__navigation-item').allInnerTexts()).toEqual(['My work']);
    expect(await textOf(page, '.govuk-phase-banner')).toContain(`Signed in as ${casey.name} (mediator)`);
    expect((await page.goto(`${consoleUrl}/referrals/new`))?.status()).toBe(403);
  });
});
