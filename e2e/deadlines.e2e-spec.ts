import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

interface Deadline {
  id: string;
  rule: string;
  label: string;
  kind: 'provider' | 'informational';
  basis: string;
  basisSource: { document: string; section?: string } | null;
  startedAt: string;
  dueAt: string | null;
  status: string;
  revision: number;
  late: boolean;
  metAt: string | null;
}

describe('deadlines a new user sees: GET /v1/cases/:id/deadlines', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function contractFrom(template: string): Promise<string> {
    const res = await platform.request<{ id: string }>('POST', '/v1/contracts', { template, reference: `${template.toUpperCase()}-${randomUUID().slice(0, 8)}`, publish: true });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const consent = (givenBy: string, relationship: string) => ({ givenBy, relationship, givenAt: '2026-11-20T10:00:00Z', method: 'written', recordedBy: 'Referring officer' });

  async function caseFor(body: Record<string, unknown>): Promise<string> {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', body);
    expect(submitted.status).toBe(201);
    return waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined, { what: 'the case to open', timeoutMs: 30_000 });
  }

  async function deadlinesOf(caseId: string, until: (items: Deadline[]) => boolean): Promise<Deadline[]> {
    return waitUntil(
      async () => {
        const res = await platform.request<{ items: Deadline[] }>('GET', `/v1/cases/${caseId}/deadlines`);
        return res.status === 200 && until(res.body.items) ? res.body.items : undefined;
      },
      { what: 'the deadlines', timeoutMs: 30_000 },
    );
  }

  it('a SEND mediation referred on 19 December 2026 shows the statutory 30-day deadline: by the end of 18 January 2027, with its legal basis', async () => {
    const contractId = await contractFrom('send');
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Mediation adviser', email: 'adviser@send.example' },
      parties: [{ role: 'parent', name: 'Pat Parent' }, { role: 'local-authority', name: 'Warwickshire County Council' }],
      summary: 'Disagreement about the contents of the EHC plan.',
      answers: { route: 'mediation', decisionType: 'plan-contents', decisionLetterDate: '2026-11-20', laInformedDate: '2026-12-19', mediationIssues: 'Section F provision.' },
      consent: [consent('Pat Parent', 'parent of the young person')],
    });
    const items = await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-within-30-days'));
    const mediation = items.find((d) => d.rule === 'mediation-within-30-days')!;
    expect(mediation).toMatchObject({ kind: 'provider', status: 'pending', dueAt: '2027-01-18T23:59:59.999Z', startedAt: '2026-12-19T00:00:00.000Z', late: false, metAt: null, revision: 1, label: 'Mediation held within 30 days of the LA being told' });
    expect(mediation.basis).toMatch(/30 days/);
    expect(mediation.basisSource?.document).toContain('Special Educational Needs and Disability Regulations 2014');
    // The certificate and appeal clocks start only on their own events.
    expect(items.map((d) => d.rule)).toEqual(['mediation-within-30-days']);
  });

  it('a possession case’s deadline moves when the hearing date moves (PATCH /v1/cases/:id/dates)', async () => {
    const contractId = await contractFrom('possession');
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Court Officer', email: 'listing@court.example', organisation: 'County Court' },
      parties: [{ role: 'claimant', name: 'Acme Housing Association' }, { role: 'defendant', name: 'Sam Tenant' }],
      summary: 'Rent arrears claim.',
      answers: { claimNumber: 'K00CL123', court: 'Clerkenwell & Shoreditch', hearingDate: '2027-02-15', claimantType: 'social-landlord' },
      consent: [consent('Acme Housing Association', 'claimant'), consent('Sam Tenant', 'defendant')],
    });
    const before = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing'))).find((d) => d.rule === 'mediation-before-hearing')!;
    expect(before).toMatchObject({ status: 'pending', dueAt: '2027-02-14T23:59:59.999Z', revision: 1 });

    const moved = await platform.request('PATCH', `/v1/cases/${caseId}/dates`, { hearingDate: '2027-03-01' });
    expect(moved.status).toBe(200);
    const after = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing' && d.revision === 2))).find((d) => d.rule === 'mediation-before-hearing')!;
    expect(after).toMatchObject({ id: before.id, status: 'pending', dueAt: '2027-02-28T23:59:59.999Z' });
    const [rescheduled] = await platform.sql<{ n: string }>(`SELECT count(*) AS n FROM scheduling.outbox WHERE envelope->>'type' = 'scheduling.deadline.rescheduled.v1' AND envelope->>'subject' = $1`, [before.id]);
    expect(Number(rescheduled.n)).toBe(1);
  });

  it('a contract version scheduling never saw (published before it ran) is fetched from intake when a case opens', async () => {
    const contractId = await contractFrom('possession');
    await waitUntil(async () => ((await platform.sql(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).length ? true : undefined), { what: 'the projection' });
    await platform.sql(`DELETE FROM scheduling.contract_version WHERE contract_id = $1`, [contractId]);
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Court Officer', email: 'listing@court.example', organisation: 'County Court' },
      parties: [{ role: 'claimant', name: 'Beta Homes' }, { role: 'defendant', name: 'Jo Tenant' }],
      summary: 'Rent arrears claim.',
      answers: { claimNumber: 'K00CL999', court: 'Clerkenwell & Shoreditch', hearingDate: '2027-04-07', claimantType: 'private-landlord' },
      consent: [consent('Beta Homes', 'claimant'), consent('Jo Tenant', 'defendant')],
    });
    const items = await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing'));
    // 6 April 2027 is in BST: the end of that London day is 22:59:59.999 UTC.
    expect(items.find((d) => d.rule === 'mediation-before-hearing')).toMatchObject({ status: 'pending', dueAt: '2027-04-06T22:59:59.999Z' });
    expect(await platform.sql(`SELECT version, status FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).toEqual([{ version: 1, status: 'active' }]);
  });

  it('an unknown case is a 404 and a malformed id a 400 naming `id`', async () => {
    expect((await platform.request('GET', `/v1/cases/${randomUUID()}/deadlines`)).status).toBe(404);
    const bad = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/cases/not-a-case/deadlines');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('id');
  });
});
