import { PlatformUnderTest } from '@mediation/testing';

jest.setTimeout(180_000);

interface Problem {
  type: string;
  status: number;
  detail: string;
}

/** Rate limits, the sign-in throttle, failed authentication, signing out, the client address behind a proxy, metrics and HTTP semantics. */
describe('the gateway protects itself and its users', () => {
  let platform: PlatformUnderTest;
  let org: { organisationSlug: string; adminEmail: string; adminPassword: string; apiKey: string };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start({ env: { SIGN_IN_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '60', AUTH_FAILURES_PER_MINUTE: '5' } });
    org = (await platform.addOrganisation()) as unknown as typeof org;
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const signIn = (password: string, clientIp: string) =>
    platform.request<{ token: string } & Problem>(
      'POST',
      '/v1/sign-in',
      { organisation: org.organisationSlug, email: org.adminEmail, password },
      { authorization: '', 'x-forwarded-for': clientIp },
    );

  it('a client guessing passwords gets 429 with Retry-After after 3 attempts a minute, while another address still signs in', async () => {
    const guesses = [];
    for (let i = 0; i < 4; i += 1) guesses.push(await signIn(`wrong-${i}`, '203.0.113.7'));
    expect(guesses.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
    expect(guesses[3].status).toBe(429);
    expect(guesses[3].body).toMatchObject({ type: 'https://mediation.example/problems/too-many-requests', status: 429 });
    expect(Number(guesses[3].headers.get('retry-after'))).toBeGreaterThan(0);
    // The proxy in front (loopback, trusted) says this is someone else: their own bucket.
    const elsewhere = await signIn(org.adminPassword, '198.51.100.20');
    expect(elsewhere.status).toBe(201);
  });

  it('a signed-out token stops working at once; signing out needs a sign-in token', async () => {
    const session = await signIn(org.adminPassword, '198.51.100.21');
    expect(session.status).toBe(201);
    const me = () => platform.request<Problem>('GET', '/v1/me', undefined, { authorization: `Bearer ${session.body.token}` });
    expect((await me()).status).toBe(200);
    const out = await platform.request('POST', '/v1/sign-out', undefined, { authorization: `Bearer ${session.body.token}` });
    expect(out.status).toBe(204);
    const after = await me();
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/signed out/);
    const withKey = await platform.request<Problem>('POST', '/v1/sign-out');
    expect(withKey.status).toBe(403);
  });

  it('an API key past its limit gets 429, and another provider’s key is not slowed by it', async () => {
    const first = await platform.request('GET', '/v1/me');
    expect(first.headers.get('ratelimit-limit')).toBe('60');
    const remaining = Number(first.headers.get('ratelimit-remaining'));
    let refusedAfter = -1;
    // A sliding window: a request of a minute ago may leave it while this runs and make room for one more.
    for (let i = 0; i <= remaining + 5; i += 1) {
      const res = await platform.request<Problem>('GET', '/v1/me');
      if (res.status === 429) {
        refusedAfter = i;
        expect(res.body.detail).toMatch(/More than 60 requests/);
        break;
      }
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(remaining);
    expect(refusedAfter).toBeLessThanOrEqual(remaining + 5);
    const other = await platform.request('GET', '/v1/me', undefined, { authorization: `Bearer ${org.apiKey}` });
    expect(other.status).toBe(200);
  });

  it("the gateway's metrics are not on its public port but on a port of their own, for the operators' scraper", async () => {
    const onApiPort = await fetch(`${platform.apiUrl}/metrics`);
    expect(onApiPort.status).toBe(404);
    const scraped = await fetch(platform.metricsUrl('gateway'));
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/process_cpu_seconds_total\{service="gateway"\}/);
  });

  it('a method a path does not serve is a 405 with Allow; a body that is not JSON is a 415 naming application/json', async () => {
    const wrongMethod = await platform.request<Problem>('DELETE', '/v1/referrals');
    expect({ status: wrongMethod.status, allow: wrongMethod.headers.get('allow'), type: wrongMethod.headers.get('content-type') }).toEqual({
      status: 405,
      allow: 'GET, HEAD, POST',
      type: expect.stringContaining('application/problem+json'),
    });
    expect((await platform.request('DELETE', '/v1/no-such-route')).status).toBe(404);
    const text = await platform.request<Problem & { errors: { field: string }[] }>('POST', '/v1/referrals', 'contractId=1', { 'content-type': 'text/plain' });
    expect({ status: text.status, field: text.body.errors?.[0]?.field, detail: text.body.detail }).toEqual({
      status: 415,
      field: 'Content-Type',
      detail: expect.stringContaining('application/json'),
    });
  });

  it('a body nested 5,000 deep is a 400 naming the depth limit, with or without an Idempotency-Key, and never reaches intake', async () => {
    // Written as text: JSON.stringify itself overflows the stack on it, which is what the gateway used to run into.
    const deep = `{"contractId":"${platform.contractId}","answers":${'{"a":'.repeat(5_000)}"leaf"${'}'.repeat(5_000)}}`;
    for (const key of [undefined, `deep-${Date.now()}`]) {
      const res = await platform.request<Problem & { errors: { field: string; message: string }[] }>(
        'POST',
        '/v1/referrals',
        deep,
        key ? { 'idempotency-key': key } : {},
      );
      expect({ key, status: res.status, errors: res.body.errors }).toEqual({
        key,
        status: 400,
        errors: [{ field: '(body)', message: 'is nested more than 32 levels deep', code: 'too_deep' }],
      });
    }
  });

  describe('failed authentication', () => {
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    const badKey = (keyId = hex(16)) => `mk_${keyId}.${'A'.repeat(43)}`;
    const from = (address: string, token: string) =>
      platform.request<Problem>('GET', '/v1/me', undefined, { authorization: `Bearer ${token}`, 'x-forwarded-for': address });

    it('is counted per client address: past 5 a minute, 429 with Retry-After before any key is looked at, even a good one; every 401 carries a Bearer challenge', async () => {
      for (let i = 1; i <= 5; i++) {
        const res = await from('192.0.2.61', badKey());
        expect({ i, status: res.status, challenge: res.headers.get('www-authenticate') }).toEqual({
          i,
          status: 401,
          challenge: 'Bearer realm="mediation", error="invalid_token"',
        });
      }
      const throttled = await from('192.0.2.61', badKey());
      expect({ status: throttled.status, type: throttled.body.type }).toEqual({ status: 429, type: 'https://mediation.example/problems/too-many-requests' });
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await from('192.0.2.61', org.apiKey)).status).toBe(429);
      expect((await from('192.0.2.62', org.apiKey)).status).toBe(200);
      const bare = await platform.request('GET', '/v1/me', undefined, { authorization: '', 'x-forwarded-for': '192.0.2.63' });
      expect({ status: bare.status, challenge: bare.headers.get('www-authenticate') }).toEqual({ status: 401, challenge: 'Bearer realm="mediation"' });
    });

    it('is counted per API-key id too: guesses at one key from many addresses are throttled together', async () => {
      const keyId = hex(16);
      for (let i = 1; i <= 5; i++) expect({ i, status: (await from(`192.0.2.${70 + i}`, badKey(keyId))).status }).toEqual({ i, status: 401 });
      expect((await from('192.0.2.80', badKey(keyId))).status).toBe(429);
      expect((await from('192.0.2.81', badKey())).status).toBe(401);
    });
  });
});
