import { decodeJwt } from 'jose';
import { LocalOidcProvider } from '@mediation/testing';
import type { OidcClientSettings } from '../config/console.config';
import { OidcClient, OidcSignInError, type PendingSignIn } from './oidc-client';

const REDIRECT = 'http://127.0.0.1:3009/sign-in/oidc/callback';

/** What a browser does at the provider: open the authorization URL, sign in with an email, follow the redirect back. */
async function signInAtProvider(authorizationUrl: string, email: string): Promise<Record<string, string>> {
  const url = new URL(authorizationUrl);
  const form = await fetch(url);
  expect(form.status).toBe(200);
  const approve = new URLSearchParams(url.searchParams);
  approve.set('email', email);
  const back = await fetch(new URL('/authorize', url), { method: 'POST', body: approve, redirect: 'manual' });
  expect(back.status).toBe(303);
  const callback = new URL(back.headers.get('location')!);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
  return Object.fromEntries(callback.searchParams);
}

describe('the console as an OpenID Connect client of an organisation’s provider', () => {
  let idp: LocalOidcProvider;
  let provider: OidcClientSettings;
  const client = new OidcClient();

  beforeAll(async () => {
    idp = await new LocalOidcProvider({ clientId: 'mediation-console', clientSecret: 'console-secret' }).start();
    idp.redirectUris.add(REDIRECT);
    provider = { id: 'acme', name: 'Acme Council', issuer: idp.issuer, clientId: 'mediation-console', clientSecret: 'console-secret', scope: 'openid email' };
  });

  afterAll(() => idp.stop());

  it('asks for a code with PKCE (S256), state and nonce, and turns the code into an ID token for this client and sign-in', async () => {
    const { url, pending } = await client.start(provider, REDIRECT);
    const asked = new URL(url).searchParams;
    expect(Object.fromEntries(asked)).toMatchObject({
      response_type: 'code',
      client_id: 'mediation-console',
      redirect_uri: REDIRECT,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge_method: 'S256',
    });
    expect(asked.get('code_challenge')).not.toBe(pending.verifier);
    const signedIn = await client.finish(provider, pending, await signInAtProvider(url, 'pat@acme.example'));
    expect(signedIn.claims).toMatchObject({ iss: idp.issuer, aud: 'mediation-console', email: 'pat@acme.example', nonce: pending.nonce });
    expect(decodeJwt(signedIn.idToken).email).toBe('pat@acme.example');
    expect(signedIn.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses an answer whose state is not the one this browser started with, without spending the code', async () => {
    const { url, pending } = await client.start(provider, REDIRECT);
    const answer = await signInAtProvider(url, 'pat@acme.example');
    await expect(client.finish(provider, pending, { ...answer, state: 'someone-elses' })).rejects.toMatchObject({ kind: 'state' });
    await expect(client.finish(provider, undefined, answer)).rejects.toMatchObject({ kind: 'state' });
    await expect(client.finish(provider, pending, answer)).resolves.toMatchObject({ claims: { email: 'pat@acme.example' } });
  });

  it('fails when the provider refuses the code: the wrong PKCE verifier, a code used twice, or the wrong client secret', async () => {
    const attempt = async (change: (pending: PendingSignIn) => PendingSignIn, settings = provider) => {
      const { url, pending } = await client.start(provider, REDIRECT);
      return client.finish(settings, change(pending), await signInAtProvider(url, 'pat@acme.example')).catch((error: OidcSignInError) => error);
    };
    expect(await attempt((p) => ({ ...p, verifier: 'not-the-verifier' }))).toMatchObject({ kind: 'provider', message: expect.stringContaining('PKCE') });
    expect(await attempt((p) => p, { ...provider, clientSecret: 'wrong' })).toMatchObject({
      kind: 'provider',
      message: expect.stringContaining('invalid_client'),
    });
    const { url, pending } = await client.start(provider, REDIRECT);
    const answer = await signInAtProvider(url, 'pat@acme.example');
    await client.finish(provider, pending, answer);
    await expect(client.finish(provider, pending, answer)).rejects.toMatchObject({ kind: 'provider', message: expect.stringContaining('invalid_grant') });
  });

  it('refuses an ID token minted for another sign-in (nonce), and says when the person refused at the provider', async () => {
    const { url, pending } = await client.start(provider, REDIRECT);
    const answer = await signInAtProvider(url, 'pat@acme.example');
    await expect(client.finish(provider, { ...pending, nonce: 'another-sign-in' }, answer)).rejects.toMatchObject({
      kind: 'provider',
      message: expect.stringContaining('nonce'),
    });
    await expect(client.finish(provider, pending, { state: pending.state, error: 'access_denied' })).rejects.toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('access_denied'),
    });
  });

  it('refuses a provider whose discovery document names another issuer, and ends the provider session by client id', async () => {
    await expect(client.start({ ...provider, id: 'other', issuer: `${idp.issuer}/` }, REDIRECT)).rejects.toMatchObject({ kind: 'provider' });
    const end = new URL((await client.endSessionUrl(provider, 'http://127.0.0.1:3009/sign-in'))!);
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.browserBase}/end-session`);
    expect(Object.fromEntries(end.searchParams)).toEqual({ client_id: 'mediation-console', post_logout_redirect_uri: 'http://127.0.0.1:3009/sign-in' });
  });
});
