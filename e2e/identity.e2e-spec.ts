import { PlatformUnderTest, waitUntil, type ApiResponse } from '@mediation/testing';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

jest.setTimeout(180_000);

const ROLES = ['provider-admin', 'case-manager', 'mediator', 'finance', 'auditor', 'referrer', 'commissioner'] as const;
type Role = (typeof ROLES)[number];

interface Organisation {
  organisationId: string;
  organisationSlug: string;
  adminEmail: string;
  adminPassword: string;
  apiKey: string;
  contractId: string;
}
interface Me {
  actorType: string;
  actorId: string;
  organisation: { id: string; slug: string };
  roles: string[];
  scopes: string[];
  contractIds?: string[];
  user?: { email: string };
}
interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string }[];
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const password = () => `pw-${randomUUID()}`;

/** An organisation's own identity provider, as far as the gateway sees it: a JWKS on this machine. */
class LocalIdentityProvider {
  readonly issuer = `https://idp-${randomUUID().slice(0, 8)}.example/`;
  private server?: Server;
  private privateKey?: KeyLike;
  jwksUri = '';

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' }] });
    this.server = createServer((req, res) => {
      res.writeHead(req.url === '/jwks' ? 200 : 404, { 'content-type': 'application/json' }).end(req.url === '/jwks' ? jwks : '{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.jwksUri = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
    return this;
  }

  /** A token as the provider would issue it after the person signed in there. */
  sign(claims: Record<string, unknown>, options: { issuer?: string; audience?: string; key?: KeyLike } = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? 'mediation-api')
      .setSubject(randomUUID())
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(options.key ?? this.privateKey!);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('people: users with roles, sign-in, API keys and the organisation’s own OIDC provider', () => {
  let platform: PlatformUnderTest;
  let org: Organisation;
  let adminToken: string;

  /** As organisation B's administrator, who the development seed made with a password. */
  const asAdmin = <T = Record<string, unknown>>(method: string, url: string, body?: unknown) => platform.request<T>(method, url, body, bearer(adminToken));
  /** As the organisation's own API key from the seed, which holds every scope. */
  const asOwner = <T = Record<string, unknown>>(method: string, url: string, body?: unknown) => platform.request<T>(method, url, body, bearer(org.apiKey));

  async function signIn(email: string, secret: string, organisation = org.organisationSlug) {
    return platform.request<{ token: string; expiresIn: number; user: { roles: string[] } } & Problem>(
      'POST',
      '/v1/sign-in',
      { organisation, email, password: secret },
      { authorization: '' },
    );
  }

  /** As the administrator, or as the organisation's key (it holds every scope, audit:read too) for what an administrator may not grant. */
  async function addUser(roles: Role[], extra: Record<string, unknown> = {}, by: 'admin' | 'key' = 'admin') {
    const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@provider.example`;
    const secret = password();
    const res = await platform.request<{ id: string; roles: string[]; contractIds: string[] } & Problem>(
      'POST',
      '/v1/users',
      { email, name: `A ${roles.join(' and ')}`, roles, password: secret, ...extra },
      bearer(by === 'admin' ? adminToken : org.apiKey),
    );
    expect(res.status).toBe(201);
    return { id: res.body.id, email, password: secret };
  }

  async function tokenOf(user: { email: string; password: string }) {
    const res = await signIn(user.email, user.password);
    expect(res.status).toBe(201);
    return res.body.token;
  }

  function referral(contractId: string) {
    return {
      contractId,
      referrer: { name: 'Pat Officer', email: `officer-${randomUUID().slice(0, 8)}@council.example` },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Sam Resident' }],
      summary: 'Loud music from the flat above after midnight.',
      consent: [{ givenBy: 'Sam Resident', relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
    };
  }

  beforeAll(async () => {
    // The test's identity provider runs on this machine, which only a development flag lets the gateway fetch keys from.
    platform = await PlatformUnderTest.start({ env: { OIDC_ALLOW_LOOPBACK: 'true' } });
    // A second organisation of our own, so its administrator's credentials come from the seed.
    org = (await platform.addOrganisation()) as unknown as Organisation;
    const res = await signIn(org.adminEmail, org.adminPassword);
    expect(res.status).toBe(201);
    adminToken = res.body.token;
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the seeded administrator signs in for 15 minutes, and /v1/me shows who they are, for whom and with which roles', async () => {
    const signedIn = await signIn(org.adminEmail, org.adminPassword);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: org.adminEmail, roles: ['provider-admin'] } });
    const me = await asAdmin<Me>('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      actorType: 'user',
      roles: ['provider-admin'],
      scopes: [],
      organisation: { id: org.organisationId, slug: org.organisationSlug },
      user: { email: org.adminEmail },
    });
    expect(me.body.contractIds).toBeUndefined();
  });

  it('an API key sees itself at /v1/me too: its organisation and scopes, no roles', async () => {
    const me = await platform.request<Me>('GET', '/v1/me', undefined, bearer(org.apiKey));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ actorType: 'api-key', roles: [], organisation: { id: org.organisationId } });
    expect(me.body.scopes).toEqual(expect.arrayContaining(['users:write', 'referrals:write']));
  });

  it('the administrator adds one person of each role but auditor (the trail watches administrators: 403); each signs in and /v1/me shows their roles, and referrers and commissioners their contracts', async () => {
    const auditor = await asAdmin<Problem>('POST', '/v1/users', {
      email: `auditor-${randomUUID().slice(0, 8)}@provider.example`,
      name: 'An auditor',
      roles: ['auditor'],
    });
    expect({ status: auditor.status, fields: auditor.body.errors?.map((e) => e.field) }).toEqual({ status: 403, fields: ['roles'] });
    for (const role of ROLES) {
      const bound = role === 'referrer' || role === 'commissioner';
      const user = await addUser([role], bound ? { contractIds: [org.contractId] } : {}, role === 'auditor' ? 'key' : 'admin');
      const me = await platform.request<Me>('GET', '/v1/me', undefined, bearer(await tokenOf(user)));
      expect({ role, status: me.status, roles: me.body.roles, contractIds: me.body.contractIds }).toEqual({
        role,
        status: 200,
        roles: [role],
        contractIds: bound ? [org.contractId] : undefined,
      });
    }
    const listed = await asAdmin<{ items: { email: string; roles: string[]; hasPassword: boolean }[] }>('GET', '/v1/users');
    expect(new Set(listed.body.items.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|password_hash|passwordHash/);
  });

  it('a mediator cannot add people (403), nor can a key without users:write, and neither is told anything else', async () => {
    const mediator = await tokenOf(await addUser(['mediator']));
    const asMediator = await platform.request<Problem>(
      'POST',
      '/v1/users',
      { email: 'x@provider.example', name: 'X', roles: ['provider-admin'], password: password() },
      bearer(mediator),
    );
    expect(asMediator.status).toBe(403);
    expect(asMediator.body.detail).toBe('This route needs one of the roles provider-admin.');
    expect((await platform.request('GET', '/v1/users', undefined, bearer(mediator))).status).toBe(403);

    const narrow = await asAdmin<{ token: string }>('POST', '/v1/api-keys', { name: 'reports only', scopes: ['reports:read'] });
    const asKey = await platform.request<Problem>(
      'POST',
      '/v1/users',
      { email: 'y@provider.example', name: 'Y', roles: ['mediator'] },
      bearer(narrow.body.token),
    );
    expect(asKey.status).toBe(403);
    expect(asKey.body.detail).toBe('The API key lacks the scope(s) users:write.');
  });

  it('a referrer submits to the contract they are linked to, and gets 403 for any other contract', async () => {
    const referrer = await tokenOf(await addUser(['referrer'], { contractIds: [org.contractId] }));
    const own = await platform.request<{ id: string }>('POST', '/v1/referrals', referral(org.contractId), bearer(referrer));
    expect(own.status).toBe(201);
    for (const contractId of [platform.contractId, randomUUID()]) {
      const other = await platform.request<Problem>('POST', '/v1/referrals', referral(contractId), bearer(referrer));
      expect({ status: other.status, detail: other.body.detail }).toEqual({ status: 403, detail: `You are not linked to contract ${contractId}.` });
    }
    const unlinked = await tokenOf(await addUser(['referrer']));
    expect((await platform.request('POST', '/v1/referrals', referral(org.contractId), bearer(unlinked))).status).toBe(403);
  });

  it('a person can be linked only to contracts of their own organisation: another’s is a 400 naming the field', async () => {
    const res = await asAdmin<Problem>('POST', '/v1/users', {
      email: `r-${randomUUID().slice(0, 8)}@council.example`,
      name: 'R',
      roles: ['referrer'],
      contractIds: [org.contractId, platform.contractId],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['contractIds.1']);
  });

  it('bad input is a 400 naming each field', async () => {
    const res = await asAdmin<Problem>('POST', '/v1/users', { email: 'not-an-email', name: 'N', roles: ['wizard'], password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'password', 'roles.0']);
    const patch = await asAdmin<Problem>('PATCH', `/v1/users/${randomUUID()}`, { status: 'asleep' });
    expect(patch.body.errors?.map((e) => e.field)).toEqual(['status']);
    const session = await platform.request<Problem>('POST', '/v1/sign-in', { organisation: org.organisationSlug, email: org.adminEmail });
    expect(session.body.errors?.map((e) => e.field)).toEqual(['password']);
  });

  it('a wrong password, an unknown email and a locked address get the same 401; five wrong passwords lock only the address they came from, until an administrator sets a new password', async () => {
    const user = await addUser(['case-manager']);
    const from = (address: string) => ({ authorization: '', 'x-forwarded-for': address });
    const attempt = (email: string, secret: string, address: string, organisation = org.organisationSlug) =>
      platform.request<{ token: string } & Problem>('POST', '/v1/sign-in', { organisation, email, password: secret }, from(address));
    const answer = (res: ApiResponse<Problem>) => ({
      status: res.status,
      body: { type: (res.body as { type?: string }).type, detail: res.body.detail },
      challenge: res.headers.get('www-authenticate'),
    });
    const unknown = answer(await attempt(`nobody-${randomUUID().slice(0, 8)}@provider.example`, user.password, '198.51.100.7'));
    expect(answer(await attempt(user.email, user.password, '198.51.100.7', 'no-such-organisation'))).toEqual(unknown);
    for (let n = 1; n <= 5; n++)
      expect({ n, answer: answer(await attempt(user.email, `${user.password}-wrong`, '198.51.100.7')) }).toEqual({ n, answer: unknown });
    expect(unknown).toEqual({
      status: 401,
      body: { type: 'https://mediation.example/problems/unauthenticated', detail: expect.any(String) },
      challenge: 'Bearer realm="mediation"',
    });

    // Locked, from that address only: even the right password is answered as an unknown email is.
    expect(answer(await attempt(user.email, user.password, '198.51.100.7'))).toEqual(unknown);
    expect((await attempt(user.email, user.password, '203.0.113.44')).status).toBe(201);

    const fresh = password();
    expect((await asAdmin('POST', `/v1/users/${user.id}/password`, { password: fresh })).status).toBe(200);
    expect((await attempt(user.email, user.password, '198.51.100.7')).status).toBe(401);
    expect((await attempt(user.email, fresh, '198.51.100.7')).status).toBe(201);
  });

  it('disabling a person stops their live token at once and their sign-in; an administrator cannot disable themselves', async () => {
    const user = await addUser(['finance']);
    const token = await tokenOf(user);
    expect((await platform.request('GET', '/v1/me', undefined, bearer(token))).status).toBe(200);
    expect((await asAdmin('PATCH', `/v1/users/${user.id}`, { status: 'disabled' })).status).toBe(200);
    const refused = await platform.request<Problem>('GET', '/v1/me', undefined, bearer(token));
    expect({ status: refused.status, detail: refused.body.detail }).toEqual({ status: 401, detail: 'This account is disabled; ask your administrator.' });
    expect((await signIn(user.email, user.password)).status).toBe(401);

    const me = await asAdmin<{ user: { id: string } }>('GET', '/v1/me');
    expect((await asAdmin('PATCH', `/v1/users/${me.body.user.id}`, { status: 'disabled' })).status).toBe(409);
  });

  it('an API key is issued with explicit scopes, listed without its secret, and a revoked key gets 401 "revoked"', async () => {
    const issued = await asAdmin<{ id: string; token: string; scopes: string[]; prefix: string }>('POST', '/v1/api-keys', {
      name: 'council case system',
      scopes: ['reports:read'],
    });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^mk_/);
    expect((await platform.request('GET', '/v1/reports/summary', undefined, bearer(issued.body.token))).status).toBe(200);

    const listed = await asAdmin<{ items: { id: string; prefix: string }[] }>('GET', '/v1/api-keys');
    expect(listed.body.items.find((k) => k.id === issued.body.id)).toMatchObject({ prefix: issued.body.prefix, scopes: ['reports:read'], revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token.split('.')[1]);

    const revoked = await asAdmin<{ revokedAt: string }>('DELETE', `/v1/api-keys/${issued.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    const refused = await platform.request<Problem>('GET', '/v1/reports/summary', undefined, bearer(issued.body.token));
    expect({ status: refused.status, detail: refused.body.detail }).toEqual({ status: 401, detail: 'The API key has been revoked.' });
    expect((await asAdmin('DELETE', `/v1/api-keys/${randomUUID()}`)).status).toBe(404);
  });

  it('an expired key gets 401 "expired"; an expiry in the past is a 400; a key granting more than the key that asks is a 403 naming scopes', async () => {
    const issued = await asAdmin<{ token: string }>('POST', '/v1/api-keys', {
      name: 'short-lived',
      scopes: ['reports:read'],
      expiresAt: new Date(Date.now() + 2_000).toISOString(),
    });
    expect(issued.status).toBe(201);
    expect((await platform.request('GET', '/v1/reports/summary', undefined, bearer(issued.body.token))).status).toBe(200);
    const refused = await waitUntil(
      async () => {
        const res = await platform.request<Problem>('GET', '/v1/reports/summary', undefined, bearer(issued.body.token));
        return res.status === 401 ? res : undefined;
      },
      { what: 'the key to expire' },
    );
    expect(refused.body.detail).toBe('The API key has expired.');

    const past = await asAdmin<Problem>('POST', '/v1/api-keys', {
      name: 'already over',
      scopes: ['reports:read'],
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect({ status: past.status, fields: past.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['expiresAt'] });

    const keyMaker = await asAdmin<{ token: string }>('POST', '/v1/api-keys', { name: 'key maker', scopes: ['api-keys:write', 'reports:read'] });
    const escalate = await platform.request<Problem>('POST', '/v1/api-keys', { name: 'more', scopes: ['users:write'] }, bearer(keyMaker.body.token));
    expect({ status: escalate.status, fields: escalate.body.errors?.map((e) => e.field) }).toEqual({ status: 403, fields: ['scopes'] });
  });

  describe('with the organisation’s own OpenID Connect provider', () => {
    let idp: LocalIdentityProvider;

    beforeAll(async () => {
      idp = await new LocalIdentityProvider().start();
      // It signs in as anyone here, auditors too, so the administrator (who lacks audit:read) may not set it; the organisation's key holds everything.
      const byAdmin = await asAdmin<Problem>('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'mediation-api' });
      expect({ status: byAdmin.status, detail: byAdmin.body.detail }).toEqual({ status: 403, detail: expect.stringContaining('audit:read') });
      const set = await asOwner('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'mediation-api' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ issuer: idp.issuer, rolesClaim: 'roles', emailClaim: 'email' });
    });

    afterAll(async () => {
      await idp?.stop();
    });

    it('a token from it, for a person of the organisation, is accepted: /v1/me shows their stored roles', async () => {
      const user = await addUser(['case-manager']);
      const me = await platform.request<Me>('GET', '/v1/me', undefined, bearer(await idp.sign({ email: user.email.toUpperCase() })));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ actorType: 'user', actorId: `user:${user.id}`, roles: ['case-manager'], organisation: { id: org.organisationId } });
      expect((await platform.request('GET', '/v1/users', undefined, bearer(await idp.sign({ email: user.email })))).status).toBe(403);
    });

    it('its roles claim can narrow the stored roles but never add one', async () => {
      const user = await addUser(['case-manager', 'finance']);
      const me = await platform.request<Me>('GET', '/v1/me', undefined, bearer(await idp.sign({ email: user.email, roles: ['finance', 'provider-admin'] })));
      expect(me.body.roles).toEqual(['finance']);
    });

    it('a token from an unknown issuer, for another audience, signed with another key, or for an email nobody here has, is refused with 401', async () => {
      const user = await addUser(['mediator']);
      const { privateKey: stranger } = await generateKeyPair('RS256');
      const cases: [string, Promise<string>, RegExp][] = [
        [
          'unknown issuer',
          idp.sign({ email: user.email }, { issuer: 'https://elsewhere.example/' }),
          /issuer is not the OpenID Connect provider of any organisation/,
        ],
        ['other audience', idp.sign({ email: user.email }, { audience: 'another-api' }), /`aud` claim/],
        ['other key', idp.sign({ email: user.email }, { key: stranger }), /signature is not valid/],
        ['unknown email', idp.sign({ email: 'nobody@provider.example' }), /No user of the organisation has the token’s email/],
      ];
      for (const [what, token, detail] of cases) {
        const res: ApiResponse<Problem> = await platform.request<Problem>('GET', '/v1/me', undefined, bearer(await token));
        expect({ what, status: res.status, detail: res.body.detail }).toEqual({ what, status: 401, detail: expect.stringMatching(detail) });
      }
    });

    it('once removed, its tokens stop working at once', async () => {
      const user = await addUser(['finance']);
      const token = await idp.sign({ email: user.email });
      expect((await platform.request('GET', '/v1/me', undefined, bearer(token))).status).toBe(200);
      expect((await asAdmin('DELETE', '/v1/organisation/oidc')).status).toBe(200);
      expect((await platform.request('GET', '/v1/me', undefined, bearer(token))).status).toBe(401);
      expect((await asOwner('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'mediation-api' })).status).toBe(200);
    });

    it('an issuer already used by another organisation, or signing keys over plain http elsewhere than this machine, or at a private or metadata address, is refused', async () => {
      const other = await platform.request<Problem>('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: 'x' });
      expect(other.status).toBe(409);
      const insecure = await asOwner<Problem>('PUT', '/v1/organisation/oidc', {
        issuer: idp.issuer,
        jwksUri: 'http://idp.example/jwks',
        audience: 'mediation-api',
      });
      expect({ status: insecure.status, fields: insecure.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['jwksUri'] });
      for (const jwksUri of [
        'https://169.254.169.254/latest/meta-data',
        'https://10.0.0.8/jwks',
        'https://[::ffff:192.168.1.1]/jwks',
        'https://[fd00:ec2::254]/',
      ]) {
        const inside = await asOwner<Problem>('PUT', '/v1/organisation/oidc', { issuer: idp.issuer, jwksUri, audience: 'mediation-api' });
        expect({ jwksUri, status: inside.status, fields: inside.body.errors?.map((e) => e.field) }).toEqual({ jwksUri, status: 400, fields: ['jwksUri'] });
      }
    });
  });
});
