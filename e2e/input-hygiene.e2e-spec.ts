import { visibleKey } from '@mediation/protocol';
import { PlatformUnderTest } from '@mediation/testing';

jest.setTimeout(300_000);

interface Schema {
  properties?: Record<string, unknown>;
}
interface Operation {
  method: string;
  path: string;
  isPublic: boolean;
  access?: { roles: string[]; scopes: string[] };
  body?: Schema;
  query: string[];
  pathParams: string[];
}
interface Answer {
  status: number;
  body?: { errors?: { field: string; code?: string }[] };
}

/** The two kinds of text PostgreSQL cannot keep: a NUL, and half of a UTF-16 surrogate pair. */
const UNSTORABLE = [
  { name: 'a NUL', text: 'x\u0000y', code: 'nul_character', url: '%00' },
  { name: 'a lone surrogate', text: '\ud800x', code: 'unpaired_surrogate' },
] as const;

async function operations(platform: PlatformUnderTest): Promise<Operation[]> {
  type Served = {
    security?: unknown[];
    'x-access'?: Operation['access'];
    parameters?: { name: string; in: string }[];
    requestBody?: { content: Record<string, { schema: Schema }> };
  };
  const doc = (await (await fetch(`${platform.apiUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Served>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      isPublic: Array.isArray(op.security) && op.security.length === 0,
      access: op['x-access'],
      body: op.requestBody?.content['application/json']?.schema,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  );
}

/** Every top-level field of the body, each holding the bad text, and a key made of it: the schema is not consulted first. */
function probeBody(op: Operation, text: string): Record<string, unknown> {
  const fields = Object.keys(op.body?.properties ?? {});
  return { ...Object.fromEntries((fields.length > 0 ? fields : ['note']).map((field) => [field, text])), [`key${text}`]: 'value' };
}

const named = (answer: Answer, field: string, code?: string) =>
  (answer.body?.errors ?? []).some((e) => (e.field === field || e.field === `query.${field}`) && (!code || e.code === code));

describe('input hygiene: text no database can store is refused with a 400 naming the field, on every route', () => {
  let platform: PlatformUnderTest;
  let ops: Operation[];
  let signedIn: string;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    ops = await operations(platform);
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const admin = { email: `hygiene-${Date.now()}@provider.example`, password: 'a-long-hygiene-password' };
    expect((await platform.request('POST', '/v1/users', { ...admin, name: 'Hygiene Admin', roles: ['provider-admin'] })).status).toBe(201);
    const session = await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, ...admin }, { authorization: '' });
    expect(session.status).toBe(201);
    signedIn = session.body.token;
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  /** The key has every scope; a route closed to keys is called as a signed-in provider-admin; a public one as nobody. */
  const call = (op: Operation, url: string, body?: unknown): Promise<Answer> => {
    const authorization = op.isPublic ? '' : (op.access?.scopes.length ?? 0) > 0 ? `Bearer ${platform.apiKey}` : `Bearer ${signedIn}`;
    return platform.request(op.method, url, body, { authorization, 'x-access-reason': 'Input hygiene probe' });
  };
  /** Path parameters stand in as well-formed values (an id, or a key where the route names one), so the request reaches the body or query it is about. */
  const WELL_FORMED: Record<string, string> = { line: 'asb-mediation', type: 'workshop', period: '2026-11' };
  const pathOf = (op: Operation) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => WELL_FORMED[name] ?? '0195f7b4-0000-7000-8000-000000000001');

  it('the served document has body routes, query parameters and path parameters to try', () => {
    expect(ops.filter((o) => o.body).length).toBeGreaterThan(40);
    expect(ops.filter((o) => o.query.length > 0).map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['GET /v1/audit', 'GET /v1/referrals', 'GET /v1/cases', 'POST /v1/contracts/import/ocds']),
    );
    expect(ops.some((o) => o.isPublic && o.body)).toBe(true);
  });

  it.each(UNSTORABLE)('$name in every field of every body, and in a key, is a 400 naming each field; never a 5xx', async ({ text, code }) => {
    const wrong: unknown[] = [];
    for (const op of ops.filter((o) => o.body)) {
      const body = probeBody(op, text);
      const answer = await call(op, pathOf(op), body);
      const missing = Object.keys(body).filter((field) => !named(answer, visibleKey(field), code));
      if (answer.status !== 400 || missing.length > 0)
        wrong.push({ route: `${op.method} ${op.path}`, status: answer.status, missing, errors: answer.body?.errors });
    }
    expect(wrong).toEqual([]);
  });

  it.each(UNSTORABLE)('$name deep inside a document (an OCDS release, form answers, consent) is named by its full path', async ({ text, code }) => {
    const ocds = ops.find((o) => o.path === '/v1/contracts/import/ocds')!;
    const deep = await call(ocds, ocds.path, {
      ocid: 'ocds-x',
      id: '1',
      date: '2026-01-01T00:00:00Z',
      tender: { lots: [{ id: '1', title: 'ok', renewal: { description: text } }] },
    });
    expect({ status: deep.status, named: named(deep, 'tender.lots.0.renewal.description', code) }).toEqual({ status: 400, named: true });
    const referral = ops.find((o) => o.method === 'POST' && o.path === '/v1/referrals')!;
    const answer = await call(referral, referral.path, {
      contractId: platform.contractId,
      referrer: { name: 'Pat', email: 'pat@council.example' },
      parties: [{ role: 'complainant', name: 'Ann' }],
      summary: 'Noise',
      answers: { [`a${text}`]: 'b' },
      consent: [{ givenBy: text }],
    });
    expect({ status: answer.status, key: named(answer, `answers.${visibleKey(`a${text}`)}`, code), consent: named(answer, 'consent.0.givenBy', code) }).toEqual(
      { status: 400, key: true, consent: true },
    );
  });

  it('a NUL in every query parameter of every route that reads one is a 400 naming it; never a 5xx', async () => {
    const wrong: unknown[] = [];
    for (const op of ops.filter((o) => o.query.length > 0)) {
      for (const name of op.query) {
        const answer = await call(op, `${pathOf(op)}?${name}=%00`, op.body ? {} : undefined);
        if (answer.status !== 400 || !named(answer, name, 'nul_character'))
          wrong.push({ route: `${op.method} ${op.path}`, name, status: answer.status, errors: answer.body?.errors });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a NUL as a path parameter of any route is a 400 naming it (or the empty body, where the route judges that first); never a 5xx', async () => {
    const wrong: unknown[] = [];
    for (const op of ops.filter((o) => o.pathParams.length > 0)) {
      for (const name of op.pathParams) {
        const answer = await call(
          op,
          op.path.replace(`{${name}}`, '%00').replace(/\{\w+\}/g, '0195f7b4-0000-7000-8000-000000000001'),
          op.body ? {} : undefined,
        );
        const bodyFirst = op.body && (answer.body?.errors ?? []).every((e) => !op.pathParams.includes(e.field));
        if (answer.status !== 400 || !(named(answer, name, 'nul_character') || bodyFirst))
          wrong.push({ route: `${op.method} ${op.path}`, name, status: answer.status, errors: answer.body?.errors });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the probes that reached the audit trail are recorded (a refused write is still a write), with no path id it could not store', async () => {
    const rows = await platform.sql<{ n: string }>(
      `SELECT count(*) AS n FROM identity.audit_entry WHERE outcome = 400 AND resource_id IS NULL AND action LIKE '% /v1/cases/:id%'`,
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
