import { ROLES } from '@mediation/protocol';
import { PlatformUnderTest, waitUntil, type SeededOrganisation } from '@mediation/testing';

jest.setTimeout(180_000);

interface Operation {
  method: string;
  path: string;
  access?: { roles: string[]; scopes: string[] };
  isPublic: boolean;
  hasBody: boolean;
  /** Set on routes of a case's sensitive data, which a mediator may use only on cases they are assigned to. */
  needToKnow?: 'case' | 'referral';
}

/** What provider B owns, which provider A must never reach. */
interface Secrets {
  organisationId: string;
  contractId: string;
  referralId: string;
  caseId: string;
}

/**
 * A body for each route that takes one, aimed at the other provider's resources where it can be.
 * A new POST or PUT route without an example fails the suite, so nothing escapes it.
 */
const EXAMPLE_BODIES: Record<string, (victim: Secrets) => unknown> = {
  'post /v1/staff': (victim) => ({ name: 'Authz Mediator', email: `authz-staff-${Date.now()}@example.com`, serviceLines: [{ contractId: victim.contractId, serviceLine: 'noise' }], payRatePence: 2000, maxCaseload: 5 }),
  'patch /v1/staff/{id}': () => ({ maxCaseload: 4 }),
  'post /v1/staff/{id}/accreditations': () => ({ kind: 'dbs-enhanced', issuedAt: '2026-01-01', expiresAt: '2029-01-01' }),
  'post /v1/staff/{id}/availability-exceptions': () => ({ date: '2026-12-24', kind: 'off', reason: 'authz probe' }),
  'post /v1/staff/{id}/conflicts': (victim) => ({ caseId: victim.caseId, reason: 'authz probe' }),
  'post /v1/venues': () => ({ name: 'Authz venue', address: { line1: '1 High Street', town: 'Town', postcode: 'AB1 2CD' }, accessibility: { stepFree: true, hearingLoop: false, accessibleToilet: true, parking: false } }),
  'post /v1/cases/{id}/sessions': () => ({ sessionType: 'mediation', mode: 'video', startsAt: '2027-06-01T10:00:00Z', endsAt: '2027-06-01T11:00:00Z', staffIds: ['0195f7b4-0000-7000-8000-000000000001'], parties: [] }),
  'post /v1/sessions/{id}/hold': () => ({}),
  'post /v1/sessions/{id}/cancel': () => ({ reason: 'authz probe' }),
  'post /v1/sessions/{id}/did-not-attend': () => ({ reason: 'authz probe' }),
  'post /v1/cases/{id}/transitions': () => ({ to: 'accepted' }),
  'post /v1/cases/{id}/close': () => ({ outcome: 'closed-other', reason: 'Closed by an intruder' }),
  'post /v1/cases/{id}/reopen': () => ({ reason: 'Reopened by an intruder' }),
  'patch /v1/cases/{id}/dates': () => ({ hearingDate: '2027-01-15' }),
  'post /v1/cases/{id}/parties': () => ({ role: 'complainant', name: 'Intruder' }),
  'patch /v1/cases/{id}/parties/{childId}': () => ({ name: 'Renamed by an intruder' }),
  'post /v1/cases/{id}/assignments': (victim) => ({ staffId: victim.caseId, role: 'mediator' }),
  'post /v1/cases/{id}/notes': () => ({ body: 'A note from an intruder' }),
  'post /v1/cases/{id}/tasks': () => ({ title: 'An intruder’s task', dueOn: '2027-01-15' }),
  'post /v1/cases/{id}/tasks/{childId}/complete': () => ({}),
  'post /v1/cases/{id}/risk-assessments': () => ({ level: 'low', factors: [], reviewOn: '2099-01-01' }),
  'post /v1/cases/{id}/multi-agency': () => ({ agencies: ['Police'], from: '2026-01-01' }),
  'patch /v1/cases/{id}/multi-agency/{childId}': () => ({ to: '2026-02-01' }),
  'post /v1/cases/{id}/pause': () => ({ reason: 'Paused by an intruder', agreedWith: 'Nobody' }),
  'post /v1/cases/{id}/resume': () => ({}),
  'post /v1/cases/{id}/communications': () => ({ direction: 'out', channel: 'call', counterpart: 'Someone', occurredAt: '2026-01-01T10:00:00Z' }),
  'post /v1/cases/{id}/complaints': () => ({ complainant: 'Intruder', summary: 'A complaint', receivedAt: '2026-01-01T10:00:00Z' }),
  'post /v1/cases/{id}/complaints/{childId}/acknowledge': () => ({ acknowledgedAt: '2026-01-02T10:00:00Z' }),
  'post /v1/cases/{id}/complaints/{childId}/resolve': () => ({ resolvedAt: '2026-01-03T10:00:00Z', finding: 'not-upheld', resolution: 'None' }),
  'post /v1/cases/{id}/milestones': () => ({ milestone: 'contact.made', occurredAt: '2026-01-01T10:00:00Z' }),
  'post /v1/cases/{id}/certificates': () => ({ kind: 'declined', issuedAt: '2026-01-01T10:00:00Z' }),
  'post /v1/referrals': (victim) => ({
    contractId: victim.contractId,
    referrer: { name: 'Intruder', email: 'intruder@example.com' },
    parties: [{ role: 'complainant', name: 'Someone' }],
    summary: 'A referral aimed at another provider’s contract',
    consent: [{ givenBy: 'Someone', relationship: 'complainant', givenAt: '2026-01-01T10:00:00Z', method: 'verbal', recordedBy: 'Intruder' }],
  }),
  'put /v1/referrals/{id}/legal-hold': () => ({ legalHold: true, reason: 'Held by an intruder' }),
  'put /v1/cases/{id}/legal-hold': () => ({ legalHold: true, reason: 'Held by an intruder' }),
  'post /v1/contracts': () => ({ reference: `AUTHZ-${Date.now()}`, title: 'A contract of my own', template: 'housing-asb', buyer: 'Some Council' }),
  'put /v1/contracts/{id}': () => ({ reference: 'AUTHZ', title: 'Rewritten by an intruder', buyers: [{ name: 'Some Council', role: 'council' }] }),
  'post /v1/contracts/import/ocds': () => ({ ocid: `ocds-authz-${Date.now()}`, id: '1', date: '2026-01-01T00:00:00Z', buyer: { name: 'Some Council' } }),
  'post /v1/users': (victim) => ({ email: `authz-${Date.now()}@example.com`, name: 'Intruder', roles: ['referrer'], contractIds: [victim.contractId] }),
  'patch /v1/users/{id}': (victim) => ({ contractIds: [victim.contractId] }),
  'post /v1/users/{id}/password': () => ({ password: 'a-long-enough-password' }),
  'post /v1/api-keys': () => ({ name: 'authz', scopes: ['reports:read'] }),
  'put /v1/organisation/oidc': () => ({ issuer: `https://authz-${Date.now()}.example/`, jwksUri: 'https://authz.example/jwks', audience: 'mediation-api' }),
  'patch /v1/organisation': () => ({ address: ['1 Authz Street', 'London N1 1AA'] }),
};

/** Which of B's ids stands in for a path parameter. */
function victimIdFor(path: string, victim: Secrets): string {
  if (path.startsWith('/v1/cases')) return victim.caseId;
  if (path.startsWith('/v1/contracts')) return victim.contractId;
  return victim.referralId;
}

async function operations(platform: PlatformUnderTest): Promise<Operation[]> {
  const doc = (await (await fetch(`${platform.apiUrl}/docs/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-access'?: Operation['access']; 'x-need-to-know'?: Operation['needToKnow']; requestBody?: unknown }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, access: op['x-access'], isPublic: Array.isArray(op.security) && op.security.length === 0, hasBody: Boolean(op.requestBody), needToKnow: op['x-need-to-know'] })),
  );
}

describe('authorization: every route, two providers, no way across', () => {
  let platform: PlatformUnderTest;
  let providerB: SeededOrganisation;
  let victim: Secrets;
  let ops: Operation[];

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    providerB = await platform.addOrganisation();
    const asB = { authorization: `Bearer ${providerB.apiKey}` };
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', EXAMPLE_BODIES['post /v1/referrals']({ contractId: providerB.contractId } as Secrets), asB);
    expect(submitted.status).toBe(201);
    const caseId = await waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`, undefined, asB)).body.caseId ?? undefined, { what: "provider B's case" });
    victim = { organisationId: providerB.organisationId, contractId: providerB.contractId, referralId: submitted.body.id, caseId };
    ops = await operations(platform);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the gateway serves routes, and every one declares who may use it', () => {
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) expect({ route: `${op.method} ${op.path}`, declared: op.isPublic || Boolean(op.access) }).toEqual({ route: `${op.method} ${op.path}`, declared: true });
  });

  // Pausing a contractual clock is agreed with the buyer's officer, like moving a case's dates: managers only, so a mediator is refused below.
  it("a case's clocks are moved only by its managers: changing its dates, pausing and resuming declare the same roles", () => {
    const clockRoutes = ['patch /v1/cases/{id}/dates', 'post /v1/cases/{id}/pause', 'post /v1/cases/{id}/resume'];
    const declared = clockRoutes.map((route) => ({ route, roles: [...(ops.find((o) => `${o.method} ${o.path}` === route)?.access?.roles ?? [])].sort() }));
    expect(declared).toEqual(clockRoutes.map((route) => ({ route, roles: ['case-manager', 'provider-admin'] })));
  });

  it('every non-public route refuses a caller without credentials', async () => {
    for (const op of ops.filter((o) => !o.isPublic)) {
      const res = await fetch(`${platform.apiUrl}${op.path.replace(/\{\w+\}/g, victim.referralId)}`, { method: op.method.toUpperCase() });
      expect({ route: `${op.method} ${op.path}`, status: res.status }).toEqual({ route: `${op.method} ${op.path}`, status: 401 });
    }
  });

  // Lists first: before any probing below, so A's own audit trail of refused attempts is not mistaken for a leak.
  it("what provider A can list shows nothing of provider B's", async () => {
    const secrets = Object.values(victim);
    for (const op of ops.filter((o) => !o.isPublic && o.method === 'get' && !o.path.includes('{'))) {
      const route = `${op.method} ${op.path}`;
      const res = await platform.request(op.method.toUpperCase(), op.path);
      expect({ route, ok: res.status < 500 }).toEqual({ route, ok: true });
      expect({ route, leaked: secrets.filter((secret) => JSON.stringify(res.body ?? '').includes(secret)) }).toEqual({ route, leaked: [] });
    }
  });

  it("no route aimed at one of provider B's ids succeeds for provider A, whatever its scopes", async () => {
    for (const op of ops.filter((o) => !o.isPublic && o.path.includes('{'))) {
      const route = `${op.method} ${op.path}`;
      const example = EXAMPLE_BODIES[route];
      if (op.hasBody && !example) throw new Error(`${route} takes a body but has no example in EXAMPLE_BODIES: add one so the suite covers it`);
      const res = await platform.request(op.method.toUpperCase(), op.path.replace(/\{\w+\}/g, victimIdFor(op.path, victim)), example?.(victim));
      expect({ route, status: res.status >= 400 && res.status < 500 }).toEqual({ route, status: true });
    }
  });

  it("creating with provider B's resources in the body never succeeds with them, nor answers with them", async () => {
    const secrets = Object.values(victim);
    for (const op of ops.filter((o) => !o.isPublic && !o.path.includes('{') && o.hasBody)) {
      const route = `${op.method} ${op.path}`;
      const example = EXAMPLE_BODIES[route];
      if (!example) throw new Error(`${route} takes a body but has no example in EXAMPLE_BODIES: add one so the suite covers it`);
      const res = await platform.request(op.method.toUpperCase(), op.path, example(victim));
      expect({ route, ok: res.status < 500 }).toEqual({ route, ok: true });
      if (res.status < 300) expect({ route, leaked: secrets.filter((secret) => JSON.stringify(res.body).includes(secret)) }).toEqual({ route, leaked: [] });
    }
  });

  it('the sensitive routes of a case say in the served document that a mediator needs to be on the case', () => {
    const marked = ops.filter((o) => o.needToKnow).map((o) => `${o.method} ${o.path} -> ${o.needToKnow}`);
    expect(marked.sort()).toEqual(['get /v1/cases/{id}/notes/sensitive -> case', 'get /v1/cases/{id}/parties/sensitive -> case', 'get /v1/referrals/{id}/sensitive-answers -> referral']);
  });

  it('every route lets in exactly the roles it declares, for people signed in to provider A', async () => {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    // The mediator is linked to a staff profile of A, so need-to-know asks casework and the tenant wall, not a missing link, is what refuses B's case.
    const staff = await platform.request<{ id: string }>('POST', '/v1/staff', { name: 'Authz Mediator', email: `authz-mediator-${Date.now()}@provider.example`, serviceLines: [], payRatePence: 2000, maxCaseload: 5 });
    expect(staff.status).toBe(201);
    for (const role of ROLES) {
      const email = `${role}-${Date.now()}@provider.example`;
      const password = `a-long-password-for-${role}`;
      const links = { ...(role === 'referrer' || role === 'commissioner' ? { contractIds: [platform.contractId] } : {}), ...(role === 'mediator' ? { staffId: staff.body.id } : {}) };
      const created = await platform.request('POST', '/v1/users', { email, name: `Someone (${role})`, roles: [role], password, ...links });
      expect({ role, status: created.status }).toEqual({ role, status: 201 });
      const session = await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' });
      expect({ role, status: session.status }).toEqual({ role, status: 201 });
      // Signing out revokes the token the loop uses, so it goes last.
      const signOut = (o: Operation) => Number(o.method === 'post' && o.path === '/v1/sign-out');
      for (const op of ops.filter((o) => !o.isPublic && o.access).sort((a, b) => signOut(a) - signOut(b))) {
        const route = `${op.method} ${op.path}`;
        // A sensitive route is asked with a reason, so the request gets past that check to B's data.
        const reason: Record<string, string> = op.needToKnow ? { 'x-access-reason': 'Authorization suite probe' } : {};
        const res = await platform.request<{ detail?: string }>(op.method.toUpperCase(), op.path.replace(/\{\w+\}/g, victimIdFor(op.path, victim)), EXAMPLE_BODIES[route]?.(victim), { authorization: `Bearer ${session.body.token}`, ...reason });
        const allowed = op.access!.roles.includes(role);
        // Others are refused for their role; allowed roles get past that gate (a referrer may still be
        // refused a contract it is not linked to, which is a different 403).
        const refusedForRole = res.status === 403 && /needs one of the roles/.test(res.body?.detail ?? '');
        expect({ role, route, refusedForRole, authenticated: res.status !== 401 }).toEqual({ role, route, refusedForRole: !allowed, authenticated: true });
        // Whoever may use a need-to-know route, B's case is not in A's organisation: a linked mediator too gets the 404, never B's data.
        if (allowed && op.needToKnow) expect({ role, route, status: res.status }).toEqual({ role, route, status: 404 });
      }
    }
  });

  it("guessing provider B's ids gives 404, the same as ids that do not exist", async () => {
    for (const path of [`/v1/referrals/${victim.referralId}`, `/v1/cases/${victim.caseId}`]) {
      expect((await platform.request('GET', path)).status).toBe(404);
    }
  });

  it("a referral aimed at provider B's contract is refused naming contractId, and B's books are untouched", async () => {
    const before = await platform.sql<{ n: string }>('SELECT count(*) AS n FROM intake.referral WHERE organisation_id = $1', [victim.organisationId]);
    const res = await platform.request<{ errors: { field: string }[] }>('POST', '/v1/referrals', EXAMPLE_BODIES['post /v1/referrals'](victim));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('contractId');
    const after = await platform.sql<{ n: string }>('SELECT count(*) AS n FROM intake.referral WHERE organisation_id = $1', [victim.organisationId]);
    expect(after).toEqual(before);
  });

  it("provider B's summary counts only its own contract, and A's only its own", async () => {
    const asA = await platform.request<{ contracts: { contractId: string }[] }>('GET', '/v1/reports/summary');
    expect(asA.body.contracts.map((c) => c.contractId)).not.toContain(victim.contractId);
  });
});
