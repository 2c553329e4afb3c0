import { ALL_SCOPES, ROLE_SCOPES, ROLES, roleScopeMismatches, scopesOfRoles, type Role } from '@mediation/protocol';
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
  'post /v1/staff': (victim) => ({
    name: 'Authz Mediator',
    email: `authz-staff-${Date.now()}@example.com`,
    serviceLines: [{ contractId: victim.contractId, serviceLine: 'noise' }],
    payRatePence: 2000,
    maxCaseload: 5,
  }),
  'patch /v1/staff/{id}': () => ({ maxCaseload: 4 }),
  'patch /v1/staff/{id}/pay': () => ({ sessionFeePence: 6000 }),
  'post /v1/staff/{id}/accreditations': () => ({ kind: 'dbs-enhanced', issuedAt: '2026-01-01', expiresAt: '2029-01-01' }),
  'post /v1/staff/{id}/availability-exceptions': () => ({ date: '2026-12-24', kind: 'off', reason: 'authz probe' }),
  'post /v1/staff/{id}/conflicts': (victim) => ({ caseId: victim.caseId, reason: 'authz probe' }),
  'post /v1/venues': () => ({
    name: 'Authz venue',
    address: { line1: '1 High Street', town: 'Town', postcode: 'AB1 2CD' },
    accessibility: { stepFree: true, hearingLoop: false, accessibleToilet: true, parking: false },
  }),
  'post /v1/cases/{id}/sessions': () => ({
    sessionType: 'mediation',
    mode: 'video',
    startsAt: '2027-06-01T10:00:00Z',
    endsAt: '2027-06-01T11:00:00Z',
    staffIds: ['0195f7b4-0000-7000-8000-000000000001'],
    parties: [],
  }),
  'post /v1/sessions/{id}/hold': () => ({}),
  'post /v1/sessions/{id}/cancel': () => ({ reason: 'authz probe' }),
  'post /v1/contracts/{id}/activities': () => ({
    serviceLine: 'pre-cmh',
    activityType: 'workshop',
    deliveredAt: '2026-01-05T10:00:00Z',
    place: 'online',
    facilitatorIds: ['01a30000-0000-7000-8000-000000000001'],
    servedOrganisation: 'Authz probe council',
    attendance: [{ attendeeType: 'social-worker', count: 1 }],
  }),
  'post /v1/sessions/{id}/move': () => ({ startsAt: '2031-01-06T10:00:00Z', endsAt: '2031-01-06T12:00:00Z' }),
  'post /v1/contracts/{id}/local-authorities': () => ({
    name: 'Authz probe council',
    onboardedOn: '2026-01-05',
    contact: { name: 'Authz probe', email: 'authz-probe@council.example' },
  }),
  'put /v1/contracts/{id}/service-lines/{line}/activity-types/{type}/form': () => ({ fields: [{ key: 'topic', label: 'Topic', type: 'text' }] }),
  'put /v1/contracts/{id}/service-lines/{line}/activity-types/{type}/price': () => ({ pricePence: 35_000 }),
  'put /v1/contracts/{id}/service-lines/{line}/session-reminders': () => ({ reminders: [{ workingDaysBefore: 1, at: '10:00' }] }),
  'put /v1/contracts/{id}/data-return-rule': () => ({ dueWorkingDays: 5, reminderWorkingDaysBefore: 2 }),
  'post /v1/contracts/{id}/local-authorities/{laId}/data-returns': () => ({ period: '2026-01', receivedOn: '2026-02-02' }),
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
  // A multipart upload; sent as JSON it must still be refused on another provider's case before anything is read.
  'post /v1/cases/{id}/evidence': () => ({ kind: 'other', description: 'An intruder’s exhibit', producedBy: 'Intruder' }),
  'post /v1/cases/{id}/bundles': (victim) => ({ title: 'An intruder’s bundle', items: [victim.caseId] }),
  'post /v1/cases/{id}/witness-statements': (victim) => ({
    witnessName: 'Intruder',
    paragraphs: ['A statement from an intruder.'],
    exhibits: [victim.caseId],
    signature: { typedName: 'Intruder', signedAt: '2026-01-01T10:00:00Z' },
  }),
  'post /v1/evidence/{id}/versions': () => ({ note: 'An intruder’s version' }),
  'post /v1/evidence/{id}/redactions': () => ({ reason: 'An intruder’s redaction', areas: [{ page: 1, x: 0, y: 0, width: 0.5, height: 0.5 }] }),
  'post /v1/referrals': (victim) => ({
    contractId: victim.contractId,
    referrer: { name: 'Intruder', email: 'intruder@example.com' },
    referrerType: 'council',
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
  'post /v1/contracts/{id}/invoices': () => ({}),
  'post /v1/invoices/{id}/void': () => ({ reason: 'Voided by an intruder' }),
  'post /v1/invoices/{id}/payment': () => ({}),
  'post /v1/invoices/{id}/credit-notes': () => ({ reason: 'Credited by an intruder' }),
  'post /v1/contracts/{id}/reports': () => ({ period: '2026-11' }),
  // A literal public address: stored without a DNS lookup (nothing it would receive is sent in these suites).
  'post /v1/webhooks': (victim) => ({ url: 'https://1.1.1.1/authz', eventTypes: ['casework.risk.assessed.v1'], contractId: victim.contractId }),
  'patch /v1/webhooks/{id}': () => ({ enabled: false }),
  'post /v1/webhooks/{id}/rotate-secret': () => ({}),
  'post /v1/webhooks/{id}/replay': () => ({ from: '2026-01-01T00:00:00Z' }),
};

/** Ids of one organisation's own records, by kind: what a request body may name. */
interface OrganisationIds {
  contractId: string;
  caseId: string;
  referralId: string;
  staffId: string;
  userId: string;
  venueId: string;
  partyId: string;
  webhookId: string;
  /** One of its public events (the pull feed), which a replay may start from. */
  eventId: string;
}
type IdKind = keyof OrganisationIds;

/**
 * Every route whose body carries an id (a property the served schema marks `format: uuid`), built from
 * the ids it is given; the suite fills them with the other organisation's ids one kind at a time. A
 * new body route with an id, or a new id property, without a probe here fails the suite.
 */
const BODIES_WITH_IDS: Record<string, (ids: OrganisationIds) => unknown> = {
  // Exhibits are not one of the kinds above; any id of B's in `items` must still be refused naming it.
  'post /v1/cases/{id}/bundles': (ids) => ({ title: 'Foreign-id probe', items: [ids.caseId] }),
  'post /v1/cases/{id}/witness-statements': (ids) => ({
    witnessName: 'Probe',
    paragraphs: ['Foreign-id probe.'],
    exhibits: [ids.caseId],
    signature: { typedName: 'Probe', signedAt: '2026-01-01T10:00:00Z' },
  }),
  'post /v1/referrals': (ids) => EXAMPLE_BODIES['post /v1/referrals']({ contractId: ids.contractId } as Secrets),
  'post /v1/staff': (ids) => ({
    name: 'Foreign-id probe',
    email: `foreign-${Date.now()}@provider.example`,
    userId: ids.userId,
    serviceLines: [{ contractId: ids.contractId, serviceLine: 'noise' }],
    payRatePence: 2000,
    maxCaseload: 5,
  }),
  'patch /v1/staff/{id}': (ids) => ({ userId: ids.userId, serviceLines: [{ contractId: ids.contractId, serviceLine: 'noise' }] }),
  'post /v1/staff/{id}/conflicts': (ids) => ({ caseId: ids.caseId, reason: 'foreign-id probe' }),
  'post /v1/cases/{id}/sessions': (ids) => ({
    sessionType: 'mediation',
    mode: 'in-person',
    venueId: ids.venueId,
    startsAt: '2027-06-01T10:00:00Z',
    endsAt: '2027-06-01T11:00:00Z',
    staffIds: [ids.staffId],
    parties: [],
  }),
  'post /v1/contracts/{id}/activities': (ids) => ({
    serviceLine: 'noise',
    activityType: 'workshop',
    deliveredAt: '2026-01-05T10:00:00Z',
    place: 'online',
    facilitatorIds: [ids.staffId],
    servedOrganisation: 'Foreign-id probe council',
    attendance: [{ attendeeType: 'social-worker', count: 1 }],
  }),
  'post /v1/cases/{id}/assignments': (ids) => ({ staffId: ids.staffId, role: 'mediator' }),
  'post /v1/webhooks': (ids) => ({ url: 'https://1.1.1.1/probe', eventTypes: ['casework.risk.assessed.v1'], contractId: ids.contractId }),
  'patch /v1/webhooks/{id}': (ids) => ({ contractId: ids.contractId }),
  'post /v1/webhooks/{id}/replay': (ids) => ({ fromEventId: ids.eventId }),
  'post /v1/cases/{id}/tasks': (ids) => ({ title: 'Call the resident back', dueOn: '2027-01-15', assigneeStaffId: ids.staffId }),
  'post /v1/cases/{id}/communications': (ids) => ({
    direction: 'out',
    channel: 'call',
    counterpart: 'The resident',
    partyId: ids.partyId,
    occurredAt: '2026-01-01T10:00:00Z',
  }),
  'post /v1/cases/{id}/complaints': (ids) => ({
    complainant: 'The resident',
    partyId: ids.partyId,
    summary: 'A complaint',
    receivedAt: '2026-01-01T10:00:00Z',
  }),
  // A certificate is replaced only by naming the case's own current one: another organisation's id is never looked up.
  'post /v1/cases/{id}/certificates': (ids) => ({
    kind: 'declined',
    issuedAt: '2026-01-01T10:00:00Z',
    replaces: { certificateId: ids.caseId, reason: 'foreign-id probe' },
  }),
  'post /v1/users': (ids) => ({
    email: `foreign-${Date.now()}@provider.example`,
    name: 'Foreign-id probe',
    roles: ['referrer'],
    contractIds: [ids.contractId],
    staffId: ids.staffId,
  }),
  'patch /v1/users/{id}': (ids) => ({ contractIds: [ids.contractId], staffId: ids.staffId }),
};

/** The paths, in a served request-body schema, of the properties that are ids: `staffIds[]`, `serviceLines[].contractId`. */
function idPaths(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  if (node.format === 'uuid') return [at];
  const nested = [
    ...Object.entries((node.properties as Record<string, unknown>) ?? {}).flatMap(([key, value]) => idPaths(value, at ? `${at}.${key}` : key)),
    ...idPaths(node.items, `${at}[]`),
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => ((node[k] as unknown[]) ?? []).flatMap((branch) => idPaths(branch, at))),
  ];
  return [...new Set(nested)];
}

/** The values a body holds at an id path (`[]` walks every element). */
function valuesAt(body: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  const list = head.endsWith('[]');
  const value = (body as Record<string, unknown> | undefined)?.[list ? head.slice(0, -2) : head];
  const here = list ? ((value as unknown[]) ?? []) : value === undefined ? [] : [value];
  return rest.length === 0 ? here : here.flatMap((v) => valuesAt(v, rest.join('.')));
}

/** Every route of the served document with a request body, and the id paths in that body. */
async function bodyIdPaths(platform: PlatformUnderTest): Promise<Map<string, string[]>> {
  const doc = (await (await fetch(`${platform.apiUrl}/docs/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  };
  const routes = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods))
      if (op.requestBody) routes.set(`${method} ${path}`, idPaths(op.requestBody.content?.['application/json']?.schema));
  }
  return routes;
}

/** The organisation's own record a route's path parameter names, so only the body's ids can cross. */
function ownIdFor(route: string, own: OrganisationIds): string {
  const path = route.split(' ')[1];
  if (path.includes('{childId}')) throw new Error(`${route}: say which of the organisation's own records its {childId} names`);
  const byPrefix: [string, IdKind][] = [
    ['/v1/cases', 'caseId'],
    ['/v1/staff', 'staffId'],
    ['/v1/users', 'userId'],
    ['/v1/contracts', 'contractId'],
    ['/v1/referrals', 'referralId'],
    ['/v1/venues', 'venueId'],
    ['/v1/webhooks', 'webhookId'],
  ];
  const kind = byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1];
  if (!kind) throw new Error(`${route}: say which of the organisation's own records its path names`);
  return own[kind];
}

/** Which of B's ids stands in for a path parameter. */
function victimIdFor(path: string, victim: Secrets): string {
  if (path.startsWith('/v1/cases')) return victim.caseId;
  if (path.startsWith('/v1/contracts')) return victim.contractId;
  return victim.referralId;
}

async function operations(platform: PlatformUnderTest): Promise<Operation[]> {
  const doc = (await (await fetch(`${platform.apiUrl}/docs/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { security?: unknown[]; 'x-access'?: Operation['access']; 'x-need-to-know'?: Operation['needToKnow']; requestBody?: unknown }>
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      access: op['x-access'],
      isPublic: Array.isArray(op.security) && op.security.length === 0,
      hasBody: Boolean(op.requestBody),
      needToKnow: op['x-need-to-know'],
    })),
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
    const submitted = await platform.request<{ id: string }>(
      'POST',
      '/v1/referrals',
      EXAMPLE_BODIES['post /v1/referrals']({ contractId: providerB.contractId } as Secrets),
      asB,
    );
    expect(submitted.status).toBe(201);
    const caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`, undefined, asB)).body.caseId ?? undefined,
      { what: "provider B's case" },
    );
    victim = { organisationId: providerB.organisationId, contractId: providerB.contractId, referralId: submitted.body.id, caseId };
    ops = await operations(platform);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the gateway serves routes, and every one declares who may use it', () => {
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops)
      expect({ route: `${op.method} ${op.path}`, declared: op.isPublic || Boolean(op.access) }).toEqual({ route: `${op.method} ${op.path}`, declared: true });
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
    expect(marked.sort()).toEqual([
      'get /v1/bundles/{id} -> bundle',
      'get /v1/cases/{id}/bundles -> case',
      'get /v1/cases/{id}/evidence -> case',
      'get /v1/cases/{id}/notes/sensitive -> case',
      'get /v1/cases/{id}/parties/sensitive -> case',
      'get /v1/evidence/{id} -> evidence',
      'get /v1/evidence/{id}/content -> evidence',
      'get /v1/evidence/{id}/custody -> evidence',
      'get /v1/referrals/{id}/sensitive-answers -> referral',
      'post /v1/cases/{id}/bundles -> case',
      'post /v1/cases/{id}/evidence -> case',
      'post /v1/cases/{id}/witness-statements -> case',
      'post /v1/evidence/{id}/redactions -> evidence',
      'post /v1/evidence/{id}/versions -> evidence',
    ]);
  });

  it('every route lets in exactly the roles it declares, for people signed in to provider A', async () => {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    // The mediator is linked to a staff profile of A, so need-to-know asks casework and the tenant wall, not a missing link, is what refuses B's case.
    const staff = await platform.request<{ id: string }>('POST', '/v1/staff', {
      name: 'Authz Mediator',
      email: `authz-mediator-${Date.now()}@provider.example`,
      serviceLines: [],
      payRatePence: 2000,
      maxCaseload: 5,
    });
    expect(staff.status).toBe(201);
    for (const role of ROLES) {
      const email = `${role}-${Date.now()}@provider.example`;
      const password = `a-long-password-for-${role}`;
      const links = {
        ...(role === 'referrer' || role === 'commissioner' ? { contractIds: [platform.contractId] } : {}),
        ...(role === 'mediator' ? { staffId: staff.body.id } : {}),
      };
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
        const res = await platform.request<{ detail?: string }>(
          op.method.toUpperCase(),
          op.path.replace(/\{\w+\}/g, victimIdFor(op.path, victim)),
          EXAMPLE_BODIES[route]?.(victim),
          { authorization: `Bearer ${session.body.token}`, ...reason },
        );
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

  it("a buyer's officers list only the contracts linked to them; a referrer reads their referral forms but none of the contract's prices", async () => {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const other = await platform.request<{ id: string }>('POST', '/v1/contracts', {
      template: 'possession',
      reference: `AUTHZ-UNLINKED-${Date.now()}`,
      publish: true,
    });
    expect(other.status).toBe(201);
    const signedIn = async (role: Role) => {
      const email = `linked-${role}-${Date.now()}@council.example`;
      const password = `a-long-password-for-${role}`;
      const created = await platform.request('POST', '/v1/users', {
        email,
        name: `Officer (${role})`,
        roles: [role],
        password,
        contractIds: [platform.contractId],
      });
      expect(created.status).toBe(201);
      const session = await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' });
      return { authorization: `Bearer ${session.body.token}` };
    };
    const referrer = await signedIn('referrer');
    const commissioner = await signedIn('commissioner');
    for (const officer of [referrer, commissioner]) {
      const listed = await platform.request<{ items: { id: string }[] }>('GET', '/v1/contracts', undefined, officer);
      expect({ status: listed.status, ids: listed.body.items.map((c) => c.id) }).toEqual({ status: 200, ids: [platform.contractId] });
      // The contract itself carries its prices, value and cap: still the provider's staff only.
      expect((await platform.request('GET', `/v1/contracts/${platform.contractId}`, undefined, officer)).status).toBe(403);
    }
    const form = await platform.request<{ contractId: string; serviceLines: { key: string; form: { fields: unknown[] } }[] }>(
      'GET',
      `/v1/contracts/${platform.contractId}/referral-form`,
      undefined,
      referrer,
    );
    expect(form.status).toBe(200);
    expect(form.body.contractId).toBe(platform.contractId);
    expect(form.body.serviceLines.every((l) => l.form.fields.length > 0)).toBe(true);
    const full = await platform.request<{ definition: { serviceLines: { pricing?: unknown }[] } }>('GET', `/v1/contracts/${platform.contractId}`);
    expect(full.body.definition.serviceLines.some((l) => l.pricing)).toBe(true);
    // As keys: a select field's options have a `value` of their own, the contract's value is a money object.
    expect(JSON.stringify(form.body)).not.toMatch(/"(pricing|cap|billing|kpis|netPence|grossPence|londonLivingWage|staffRequirements)":/);
    expect(JSON.stringify(form.body)).not.toMatch(/"value":\{/);
    // Not linked: the same 404 as a contract that does not exist; a commissioner does not refer at all.
    expect((await platform.request('GET', `/v1/contracts/${other.body.id}/referral-form`, undefined, referrer)).status).toBe(404);
    expect((await platform.request('GET', `/v1/contracts/${platform.contractId}/referral-form`, undefined, commissioner)).status).toBe(403);
    // A system that only sends referrals reads the forms too, and nothing more of the contract.
    const key = await platform.request<{ token: string }>('POST', '/v1/api-keys', { name: `referral system ${Date.now()}`, scopes: ['referrals:write'] });
    const asKey = { authorization: `Bearer ${key.body.token}` };
    expect((await platform.request('GET', `/v1/contracts/${platform.contractId}/referral-form`, undefined, asKey)).status).toBe(200);
    expect((await platform.request('GET', `/v1/contracts/${platform.contractId}`, undefined, asKey)).status).toBe(403);
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

  it("provider B's ids in the body of any of provider A's own requests are refused naming the field, and nothing of A's stores them", async () => {
    const asB = { authorization: `Bearer ${providerB.apiKey}` };
    const created = async (who: Record<string, string>, method: string, path: string, body: unknown) => {
      const res = await platform.request<{ id: string }>(method, path, body, who);
      expect({ path, status: res.status }).toEqual({ path, status: 201 });
      return res.body.id;
    };
    const venue = {
      name: 'Probe venue',
      address: { line1: '1 High Street', town: 'Town', postcode: 'AB1 2CD' },
      accessibility: { stepFree: true, hearingLoop: false, accessibleToilet: true, parking: false },
    };
    const ownRecords = async (who: Record<string, string>, contractId: string, caseId: string, referralId: string): Promise<OrganisationIds> => ({
      contractId,
      caseId,
      referralId,
      staffId: await created(who, 'POST', '/v1/staff', {
        name: 'Probe Mediator',
        email: `probe-${Date.now()}@provider.example`,
        serviceLines: [{ contractId, serviceLine: 'noise' }],
        payRatePence: 2000,
        maxCaseload: 5,
      }),
      userId: await created(who, 'POST', '/v1/users', { email: `probe-${Date.now()}@provider.example`, name: 'Probe Manager', roles: ['case-manager'] }),
      venueId: await created(who, 'POST', '/v1/venues', venue),
      partyId: (await platform.request<{ items: { id: string }[] }>('GET', `/v1/cases/${caseId}/parties`, undefined, who)).body.items[0].id,
      webhookId: await created(who, 'POST', '/v1/webhooks', { url: 'https://1.1.1.1/own', eventTypes: ['casework.risk.assessed.v1'] }),
      eventId: await waitUntil(
        async () => (await platform.request<{ items: { id: string }[] }>('GET', '/v1/events?limit=1', undefined, who)).body.items[0]?.id,
        { what: 'a public event in the feed' },
      ),
    });
    const theirs = await ownRecords(asB, victim.contractId, victim.caseId, victim.referralId);
    const referral = await platform.request<{ id: string }>(
      'POST',
      '/v1/referrals',
      EXAMPLE_BODIES['post /v1/referrals']({ contractId: platform.contractId } as Secrets),
    );
    expect(referral.status).toBe(201);
    const ownCase = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${referral.body.id}`)).body.caseId ?? undefined,
      { what: "provider A's case" },
    );
    const mine = await ownRecords({}, platform.contractId, ownCase, referral.body.id);

    const crossings: { route: string; kind: IdKind; status: number; named: boolean }[] = [];
    for (const [route, paths] of await bodyIdPaths(platform)) {
      if (paths.length === 0) continue;
      const probe = BODIES_WITH_IDS[route];
      if (!probe) throw new Error(`${route} carries ids in its body (${paths.join(', ')}) but has no probe in BODIES_WITH_IDS: add one so the suite covers it`);
      const crossed = new Set<string>();
      for (const kind of Object.keys(mine) as IdKind[]) {
        const body = probe({ ...mine, [kind]: theirs[kind] });
        const foreign = paths.filter((path) => valuesAt(body, path).includes(theirs[kind]));
        if (foreign.length === 0) continue;
        foreign.forEach((path) => crossed.add(path));
        const [method, path] = route.split(' ');
        const res = await platform.request<{ errors?: { field: string }[] }>(method.toUpperCase(), path.replace(/\{id\}/, ownIdFor(route, mine)), body);
        const named = (res.body?.errors ?? []).some((e) => foreign.some((p) => e.field.split('.')[0] === p.split(/[.[]/)[0]));
        crossings.push({ route, kind, status: res.status, named });
      }
      expect({ route, probed: [...crossed].sort() }).toEqual({ route, probed: [...paths].sort() });
    }
    expect(crossings.length).toBeGreaterThan(0);
    // Refused (a 4xx, never a success nor a 5xx) with a problem naming the field that carried the foreign id.
    expect(crossings.filter((c) => c.status < 400 || c.status >= 500 || !c.named)).toEqual([]);

    // Nothing of A's holds one of B's ids: not a row of any tenant table, not an event in any outbox. A's audit
    // trail is left out: it records the suite's attempts on B's ids in paths (its purpose), and never a body.
    const ids = Object.values(theirs).filter((id) => id !== victim.referralId);
    const tables = await platform.sql<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.columns
        WHERE column_name = 'organisation_id' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND (table_schema, table_name) <> ('identity', 'audit_entry')`,
    );
    const stored: string[] = [];
    for (const { name } of tables) {
      const [row] = await platform.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} t WHERE t.organisation_id = $1 AND row_to_json(t)::text ~ $2`, [
        platform.organisationId,
        ids.join('|'),
      ]);
      if (row.n > 0) stored.push(name);
    }
    const outboxes = await platform.sql<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables WHERE table_name = 'outbox'`,
    );
    for (const { name } of outboxes) {
      const [row] = await platform.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} WHERE envelope->>'organisationid' = $1 AND envelope::text ~ $2`, [
        platform.organisationId,
        ids.join('|'),
      ]);
      if (row.n > 0) stored.push(name);
    }
    expect(stored).toEqual([]);
  });

  // Grants: people hold roles, keys hold scopes, and ROLE_SCOPES compares the two.
  it('ROLE_SCOPES says what every served route says: each role holds exactly the scopes of the routes open to it', () => {
    expect(roleScopeMismatches(ops.filter((o) => o.access).map((o) => ({ route: `${o.method} ${o.path}`, ...o.access! })))).toEqual([]);
  });

  /** A caller of provider A and what it holds: a person signed in with one role, or a key with some scopes. */
  interface Grantor {
    who: string;
    token: string;
    holds: Set<string>;
    mayUse: (route: string) => boolean;
  }
  const routeAccess = (route: string) => ops.find((o) => `${o.method} ${o.path}` === route)!.access!;
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const linksFor = (role: string) => (role === 'referrer' || role === 'commissioner' ? { contractIds: [platform.contractId] } : {});

  async function personWith(role: Role): Promise<Grantor> {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const email = `grantor-${role}-${unique()}@provider.example`;
    const password = `a-long-password-for-${role}`;
    expect((await platform.request('POST', '/v1/users', { email, name: `Grantor (${role})`, roles: [role], password, ...linksFor(role) })).status).toBe(201);
    const session = await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' });
    return { who: `a ${role}`, token: session.body.token, holds: scopesOfRoles([role]), mayUse: (route) => routeAccess(route).roles.includes(role) };
  }

  async function keyWith(scopes: string[]): Promise<Grantor> {
    const issued = await platform.request<{ token: string }>('POST', '/v1/api-keys', { name: `grantor ${unique()}`, scopes });
    expect(issued.status).toBe(201);
    return {
      who: `a key with ${scopes.join(' ')}`,
      token: issued.body.token,
      holds: new Set(scopes),
      mayUse: (route) => routeAccess(route).scopes.every((scope) => scopes.includes(scope)),
    };
  }

  const narrowKeys = [
    ['users:write'],
    ['api-keys:write'],
    ['users:write', 'api-keys:write', ...ROLE_SCOPES.finance],
    ['users:write', 'api-keys:write', ...ROLE_SCOPES['case-manager']],
  ];

  it('every role on a person and every scope on a key is granted by every role and by narrow keys exactly where the caller holds it, and refused with 403 elsewhere', async () => {
    const grantors = [...(await Promise.all(ROLES.map(personWith))), ...(await Promise.all(narrowKeys.map(keyWith)))];
    for (const grantor of grantors) {
      const as = { authorization: `Bearer ${grantor.token}` };
      for (const role of ROLES) {
        const res = await platform.request(
          'POST',
          '/v1/users',
          { email: `granted-${role}-${unique()}@provider.example`, name: `Granted ${role}`, roles: [role], ...linksFor(role) },
          as,
        );
        const holds = grantor.mayUse('post /v1/users') && [...scopesOfRoles([role])].every((scope) => grantor.holds.has(scope));
        expect({ grantor: grantor.who, grants: `role ${role}`, status: res.status }).toEqual({
          grantor: grantor.who,
          grants: `role ${role}`,
          status: holds ? 201 : 403,
        });
      }
      for (const scope of ALL_SCOPES) {
        const res = await platform.request('POST', '/v1/api-keys', { name: `granted ${scope}`, scopes: [scope] }, as);
        const holds = grantor.mayUse('post /v1/api-keys') && grantor.holds.has(scope);
        expect({ grantor: grantor.who, grants: `scope ${scope}`, status: res.status }).toEqual({
          grantor: grantor.who,
          grants: `scope ${scope}`,
          status: holds ? 201 : 403,
        });
      }
    }
  });

  it('no caller changes, disables, promotes or sets the password of a person who holds more than it; a caller that holds enough may', async () => {
    const clerk = await keyWith(['users:write']);
    const financeClerk = await keyWith(['users:write', ...ROLE_SCOPES.finance]);
    const admin = await personWith('provider-admin');
    const target = async (roles: Role[]) =>
      (
        await platform.request<{ id: string }>('POST', '/v1/users', {
          email: `target-${unique()}@provider.example`,
          name: 'A target',
          roles,
          password: 'the-original-password',
        })
      ).body.id;
    const [anAdmin, anAuditor, aFinanceOfficer] = [await target(['provider-admin']), await target(['auditor']), await target(['finance'])];
    const attempts: [Grantor, string, string, unknown, number][] = [
      [clerk, 'POST', `/v1/users/${anAdmin}/password`, { password: 'taken-over-at-last' }, 403],
      [clerk, 'PATCH', `/v1/users/${anAdmin}`, { status: 'disabled' }, 403],
      [clerk, 'PATCH', `/v1/users/${aFinanceOfficer}`, { name: 'Renamed' }, 403],
      [financeClerk, 'PATCH', `/v1/users/${aFinanceOfficer}`, { roles: ['finance', 'provider-admin'] }, 403],
      [financeClerk, 'POST', `/v1/users/${anAdmin}/password`, { password: 'taken-over-at-last' }, 403],
      [financeClerk, 'PATCH', `/v1/users/${aFinanceOfficer}`, { name: 'Renamed by a peer' }, 200],
      [financeClerk, 'POST', `/v1/users/${aFinanceOfficer}/password`, { password: 'set-by-a-peer-key' }, 200],
      [admin, 'PATCH', `/v1/users/${anAuditor}`, { status: 'disabled' }, 403],
      [admin, 'POST', `/v1/users/${anAuditor}/password`, { password: 'taken-over-at-last' }, 403],
      [admin, 'PATCH', `/v1/users/${aFinanceOfficer}`, { roles: ['finance', 'case-manager'] }, 200],
    ];
    for (const [grantor, method, url, body, status] of attempts) {
      const res = await platform.request(method, url, body, { authorization: `Bearer ${grantor.token}` });
      expect({ grantor: grantor.who, request: `${method} ${url}`, status: res.status }).toEqual({ grantor: grantor.who, request: `${method} ${url}`, status });
    }
    const [stored] = await platform.sql<{ status: string; roles: string[] }>('SELECT status, roles FROM identity.user_account WHERE id = $1', [anAdmin]);
    expect(stored).toEqual({ status: 'active', roles: ['provider-admin'] });
  });

  it("setting the organisation's OpenID Connect provider (it signs in as anyone) needs everything its people hold", async () => {
    const settings = { issuer: `https://grant-${unique()}.example/`, jwksUri: 'https://login.example.org/jwks', audience: 'mediation-api' };
    const res = await platform.request<{ detail: string }>('PUT', '/v1/organisation/oidc', settings, {
      authorization: `Bearer ${(await keyWith(['organisation:write'])).token}`,
    });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/sign in as people who hold more than you/);
  });
});
