import { londonDate } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

interface Figure {
  key: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  status: string;
  cases: { numerator: { caseId: string; reference: string }[]; denominator: { caseId: string; reference: string }[] };
}
interface Report {
  contractId: string;
  period: string;
  kpis: Figure[];
}
interface Problem {
  status: number;
  errors?: { field: string; code: string }[];
}

describe('a contract’s KPIs over HTTP, and a commissioner who sees only their own contract', () => {
  let platform: PlatformUnderTest;
  const tag = randomUUID().slice(0, 8);
  const month = londonDate(new Date()).slice(0, 7);
  let otherContract: string;
  let caseId: string;
  let reference: string;
  let commissioner: Record<string, string>;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const staff = await platform.request<{ id: string }>('POST', '/v1/staff', {
      name: 'Casey Manager',
      email: `casey-${tag}@provider.example`,
      payRatePence: 2000,
      maxCaseload: 20,
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    expect(staff.status).toBe(201);
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      referrer: { name: 'Pat Officer', email: `pat-${tag}@council.example`, organisation: 'Demo Borough Council' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Sam Resident', email: `sam-${tag}@example.com` }],
      summary: 'Loud music after midnight.',
      consent: [{ givenBy: 'Sam Resident', relationship: 'complainant', givenAt: new Date().toISOString(), method: 'verbal', recordedBy: 'Pat Officer' }],
    });
    expect(submitted.status).toBe(201);
    reference = submitted.body.reference;
    caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      {
        what: 'the case',
      },
    );
    for (const [path, body] of [
      [`/v1/cases/${caseId}/assignments`, { staffId: staff.body.id, role: 'case-manager' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'accepted' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'contacted' }],
      [`/v1/cases/${caseId}/close`, { outcome: 'good-neighbour-agreement', reason: 'Both signed a good neighbour agreement.' }],
    ] as const) {
      const res = await platform.request('POST', path, body);
      expect({ path, ok: res.status < 300 }).toEqual({ path, ok: true });
    }
    otherContract = (await platform.request<{ id: string }>('POST', '/v1/contracts', { template: 'housing-asb', reference: `KPI-${tag}`, publish: true })).body
      .id;

    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const person = { email: `commissioner-${tag}@council.example`, password: 'a-long-commissioner-password' };
    const added = await platform.request('POST', '/v1/users', {
      ...person,
      name: 'Chris Commissioner',
      roles: ['commissioner'],
      contractIds: [platform.contractId],
    });
    expect(added.status).toBe(201);
    const token = (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, ...person }, { authorization: '' })).body.token;
    commissioner = { authorization: `Bearer ${token}` };
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the closed case counts in this month’s expected-outcome KPI, named by its reference, once its events reach reporting', async () => {
    const expected = await waitUntil(
      async () => {
        const report = await platform.request<Report>('GET', `/v1/contracts/${platform.contractId}/kpis?period=${month}`);
        const figure = report.body.kpis?.find((k) => k.key === 'expected-outcome');
        return figure && figure.denominator ? figure : undefined;
      },
      { what: 'the closure in the KPIs', timeoutMs: 60_000 },
    );
    expect(expected).toMatchObject({ numerator: 1, denominator: 1, value: 100, status: 'pass' });
    expect(expected.cases.numerator).toEqual([{ caseId, reference }]);
  });

  it('a commissioner reads the KPIs of the contract they are linked to, without a name or address in them, and not another contract’s', async () => {
    const own = await platform.request<Report>('GET', `/v1/contracts/${platform.contractId}/kpis?period=${month}`, undefined, commissioner);
    expect(own.status).toBe(200);
    expect(own.body.kpis.map((k) => k.key)).toEqual([
      'visit-within-2-weeks',
      'expected-outcome',
      'multi-agency-at-3-months',
      'reopened-within-12-months',
      'satisfactory-feedback',
    ]);
    expect(JSON.stringify(own.body)).not.toMatch(/Sam Resident|Pat Officer|@example\.com|@council\.example/);
    const other = await platform.request<Problem>('GET', `/v1/contracts/${otherContract}/kpis?period=${month}`, undefined, commissioner);
    expect(other.status).toBe(403);
    const summary = await platform.request<{ contracts: { contractId: string }[] }>('GET', '/v1/reports/summary', undefined, commissioner);
    expect(summary.status).toBe(200);
    expect(summary.body.contracts.every((c) => c.contractId === platform.contractId)).toBe(true);
    // The provider's own staff read every contract.
    expect((await platform.request('GET', `/v1/contracts/${otherContract}/kpis?period=contract`)).status).toBe(200);
  });

  it('a commissioner lists the contract’s cases anonymised: the reference, days, outcome and clocks, never a name; not another contract’s', async () => {
    const own = await platform.request<{
      cases: { reference: string; status: string; outcome: string | null; expectedOutcome: boolean | null; deadlines: unknown[] }[];
    }>('GET', `/v1/contracts/${platform.contractId}/cases?period=${month}`, undefined, commissioner);
    expect(own.status).toBe(200);
    expect(own.body.cases.find((c) => c.reference === reference)).toMatchObject({
      status: 'closed',
      outcome: 'good-neighbour-agreement',
      expectedOutcome: true,
      deadlines: expect.any(Array),
    });
    for (const held of ['Sam Resident', `sam-${tag}@example.com`, 'Pat Officer', `pat-${tag}@council.example`, 'Loud music', caseId])
      expect(JSON.stringify(own.body)).not.toContain(held);
    expect((await platform.request('GET', `/v1/contracts/${otherContract}/cases?period=${month}`, undefined, commissioner)).status).toBe(403);
    expect((await platform.request<Problem>('GET', `/v1/contracts/${platform.contractId}/cases?period=someday`, undefined, commissioner)).status).toBe(400);
    // A contract the organisation does not have is not there, for its staff too.
    expect((await platform.request('GET', '/v1/contracts/0195f7b4-0000-7000-8000-000000000001/cases?period=contract')).status).toBe(404);
  });

  it('a pack regenerated on demand is listed and downloaded as PDF or, by Accept, as CSV; a commissioner gets their contract’s, not another’s', async () => {
    const issued = await platform.request<{ id: string; issue: number; figuresSha256: string }>('POST', `/v1/contracts/${platform.contractId}/reports`, {
      period: month,
    });
    expect(issued).toMatchObject({ status: 201, body: { issue: 1, figuresSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const list = await platform.request<{ items: { id: string; period: string }[] }>(
      'GET',
      `/v1/contracts/${platform.contractId}/reports`,
      undefined,
      commissioner,
    );
    expect(list.body.items.map((p) => [p.id, p.period])).toEqual([[issued.body.id, month]]);
    const pdf = await fetch(`${platform.apiUrl}/v1/contracts/${platform.contractId}/reports/${month}`, { headers: commissioner });
    expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('x-figures-sha256')]).toEqual([200, 'application/pdf', issued.body.figuresSha256]);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csv = await fetch(`${platform.apiUrl}/v1/contracts/${platform.contractId}/reports/${month}`, { headers: { ...commissioner, accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain(`kpi,${month},expected-outcome,Cases resolved with an expected outcome,1,1,100,percent,gte 90,pass`);
    expect(text).not.toMatch(/Sam Resident|@example\.com/);
    expect((await platform.request('GET', `/v1/contracts/${otherContract}/reports`, undefined, commissioner)).status).toBe(403);
    expect((await platform.request('POST', `/v1/contracts/${platform.contractId}/reports`, { period: month }, commissioner)).status).toBe(403);
  });

  it('the evaluator extract: one pseudonymised row for the case, no name or email the case holds, a reason required, every extract audited', async () => {
    const url = `${platform.apiUrl}/v1/contracts/${platform.contractId}/extracts/evaluator?from=${month}-01&to=${londonDate(new Date())}`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${platform.apiKey}` } })).status).toBe(400);
    const headers = { authorization: `Bearer ${platform.apiKey}`, 'x-access-reason': 'Independent evaluation of the pilot (seed 002)' };
    const first = await fetch(url, { headers });
    expect([first.status, first.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const csv = await first.text();
    const [header, ...rows] = csv.trim().split('\n');
    expect(header.split(',')[0]).toBe('pseudonym');
    const row = rows.find((r) => r.includes('good-neighbour-agreement'))!;
    expect(row).toMatch(/^[0-9a-f]{32},noise,/);
    for (const held of ['Sam Resident', `sam-${tag}@example.com`, 'Pat Officer', `pat-${tag}@council.example`, 'Loud music', caseId, reference])
      expect(csv).not.toContain(held);
    // Stable for the same recipient.
    expect(await (await fetch(url, { headers })).text()).toBe(csv);
    const dictionary = await platform.request<{ columns: { column: string }[] }>('GET', '/v1/extracts/evaluator/dictionary');
    expect(dictionary.body.columns.map((c) => c.column)).toEqual(header.split(','));
    // A commissioner may not take one.
    expect((await fetch(url, { headers: { ...commissioner, 'x-access-reason': 'Curious about the cases' } })).status).toBe(403);

    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const auditor = { email: `auditor-${tag}@provider.example`, password: 'a-long-auditor-password' };
    expect((await platform.request('POST', '/v1/users', { ...auditor, name: 'Ada Auditor', roles: ['auditor'] })).status).toBe(201);
    const token = (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, ...auditor }, { authorization: '' })).body.token;
    const trail = await platform.request<{ items: { resourceType: string | null; accessReason: string | null; outcome: number }[] }>(
      'GET',
      '/v1/audit?resourceType=evaluator-extract',
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(trail.body.items.filter((e) => e.outcome === 200).map((e) => e.accessReason)).toEqual([
      'Independent evaluation of the pilot (seed 002)',
      'Independent evaluation of the pilot (seed 002)',
    ]);
  });

  it('a period that is not one, or any other parameter, is a 400 naming it', async () => {
    expect(await platform.request<Problem>('GET', `/v1/contracts/${platform.contractId}/kpis?period=2026-13`)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'period' }] },
    });
    expect(await platform.request<Problem>('GET', `/v1/contracts/${platform.contractId}/kpis?period=2026-Q3&serviceLine=noise`)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'serviceLine', code: 'unrecognized_keys' }] },
    });
    expect((await platform.request<Problem>('GET', `/v1/contracts/${platform.contractId}/kpis`)).status).toBe(400);
  });
});
