import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

jest.setTimeout(180_000);

/** The OCDS compiled release published with seeds/003 (OPCC Leicestershire, Out of Court Resolution). */
const OOCR_OCDS = JSON.parse(readFileSync(path.join(__dirname, '../apps/intake/src/ocds/fixtures/oocr-compiled-release.json'), 'utf8')) as Record<
  string,
  unknown
> & { ocid: string };

interface FieldErrors {
  status: number;
  errors: { field: string; message: string }[];
}
interface Contract {
  id: string;
  reference: string;
  ocid: string | null;
  template: string | null;
  status: string;
  version: number;
  publishedVersion: number | null;
  definition: { title: string; serviceLines: { key: string; form: { fields: { key: string }[] } }[] } & Record<string, unknown>;
  versions: { version: number; publishedAt: string | null }[];
}

describe('the contract registry: templates, versions, forms and OCDS', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  const reference = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  async function createFrom(template: string, extra: Record<string, unknown> = {}) {
    const res = await platform.request<Contract>('POST', '/v1/contracts', { template, reference: reference(template.toUpperCase()), ...extra });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function publishedEvents(contractId: string) {
    return platform.sql<{ version: number; type: string; title: string; published: boolean }>(
      `SELECT (envelope->'data'->>'version')::int AS version, envelope->>'type' AS type, envelope->'data'->'definition'->>'title' AS title, published_at IS NOT NULL AS published
         FROM intake.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' LIKE 'intake.contract.published.%' ORDER BY position`,
      [contractId],
    );
  }

  function referral(contractId: string, extra: Record<string, unknown> = {}) {
    return {
      contractId,
      referrer: { name: 'Court Officer', email: 'listing@court.example', organisation: 'County Court at Clerkenwell & Shoreditch' },
      referrerType: 'court',
      parties: [
        { role: 'claimant', name: 'Acme Housing Association' },
        { role: 'defendant', name: 'Sam Tenant' },
      ],
      summary: 'Rent arrears claim; both parties willing to try mediation before the hearing.',
      consent: [
        { givenBy: 'Acme Housing Association', relationship: 'claimant', givenAt: '2026-11-20T10:00:00Z', method: 'email', recordedBy: 'Court Officer' },
        { givenBy: 'Sam Tenant', relationship: 'defendant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Court Officer' },
      ],
      ...extra,
    };
  }

  const possessionAnswers = { claimNumber: 'K00CL123', court: 'Clerkenwell & Shoreditch', hearingDate: '2027-02-15', claimantType: 'social-landlord' };

  it('lists the five templates, and shows one in full with the source of its rules', async () => {
    const list = await platform.request<{ items: { key: string; serviceLines: { key: string }[] }[] }>('GET', '/v1/templates');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t) => t.key).sort()).toEqual(['housing-asb', 'oocr', 'possession', 'pre-cmh', 'send']);
    expect(list.body.items.find((t) => t.key === 'housing-asb')?.serviceLines.map((l) => l.key)).toEqual(['noise', 'complex-asb']);

    const send = await platform.request<{ definition: { serviceLines: { deadlineRules: { key: string; basis: { source: { document: string } } }[] }[] } }>(
      'GET',
      '/v1/templates/send',
    );
    expect(send.status).toBe(200);
    const rule = send.body.definition.serviceLines[0].deadlineRules.find((r) => r.key === 'mediation-within-30-days');
    expect(rule?.basis.source.document).toContain('Special Educational Needs and Disability Regulations 2014');

    const unknown = await platform.request<FieldErrors>('GET', '/v1/templates/divorce');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('key');
  });

  it.each(['housing-asb', 'possession', 'send', 'oocr', 'pre-cmh'])('a contract is created from the %s template as a draft at version 1', async (template) => {
    const created = await createFrom(template, { buyer: 'A Buyer Of Ours' });
    expect(created).toMatchObject({ template, status: 'draft', version: 1, publishedVersion: null, buyer: 'A Buyer Of Ours' });
    expect(created.definition.serviceLines.length).toBeGreaterThan(0);
    const read = await platform.request<Contract>('GET', `/v1/contracts/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body.definition).toEqual(created.definition);
    expect(read.body.versions).toEqual([expect.objectContaining({ version: 1, publishedAt: null })]);
    // A draft announces nothing.
    expect(await publishedEvents(created.id)).toEqual([]);
  });

  it('an edit makes version 2, publishing announces it with the full definition, and an edit of an active contract is announced at once', async () => {
    const draft = await createFrom('possession');
    const edited = await platform.request<Contract>('PUT', `/v1/contracts/${draft.id}`, {
      ...draft.definition,
      title: 'Possession mediation – Clerkenwell pilot',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, status: 'draft', publishedVersion: null });
    expect(edited.body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await publishedEvents(draft.id)).toEqual([]);

    const published = await platform.request<Contract>('POST', `/v1/contracts/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'active', version: 2, publishedVersion: 2 });
    // Publishing again is harmless and announces nothing new.
    expect((await platform.request<Contract>('POST', `/v1/contracts/${draft.id}/publish`)).body.publishedVersion).toBe(2);

    const again = await platform.request<Contract>('PUT', `/v1/contracts/${draft.id}`, {
      ...edited.body.definition,
      description: 'Now with a second hearing centre.',
    });
    expect(again.body).toMatchObject({ version: 3, status: 'active', publishedVersion: 3 });

    const events = await waitUntil(
      async () => {
        const rows = await publishedEvents(draft.id);
        return rows.length === 2 && rows.every((r) => r.published) ? rows : undefined;
      },
      { what: 'both versions to be published by the relay' },
    );
    expect(events).toEqual([
      { version: 2, type: 'intake.contract.published.v2', title: 'Possession mediation – Clerkenwell pilot', published: true },
      { version: 3, type: 'intake.contract.published.v2', title: 'Possession mediation – Clerkenwell pilot', published: true },
    ]);
    const [v1] = await platform.sql<{ n: string }>(
      `SELECT count(*) AS n FROM intake.outbox WHERE envelope->>'type' = 'intake.contract.published.v1' AND envelope->>'subject' = $1`,
      [draft.id],
    );
    expect(Number(v1.n)).toBe(0);
  });

  it('an invalid definition is refused naming the field, and the version does not move', async () => {
    const draft = await createFrom('possession');
    const broken = structuredClone(draft.definition) as unknown as { serviceLines: { deadlineRules: { due: unknown }[] }[] };
    broken.serviceLines[0].deadlineRules[1].due = { kind: 'before-date-field', field: 'trialDate', days: 1 };
    const res = await platform.request<FieldErrors>('PUT', `/v1/contracts/${draft.id}`, broken);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(['serviceLines.0.deadlineRules.1.due.field']);
    expect((await platform.request<Contract>('GET', `/v1/contracts/${draft.id}`)).body.version).toBe(1);
  });

  it('editors racing on one contract never share a version number: each edit is a version or a 409', async () => {
    const draft = await createFrom('send');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        platform.request<Contract>('PUT', `/v1/contracts/${draft.id}`, { ...draft.definition, title: `SEND mediation, edit ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const saved = results.filter((r) => r.status === 200).length;
    expect(saved).toBeGreaterThan(0);
    const read = await platform.request<Contract>('GET', `/v1/contracts/${draft.id}`);
    expect(read.body.version).toBe(1 + saved);
    expect(read.body.versions.map((v) => v.version)).toEqual(Array.from({ length: 1 + saved }, (_, i) => i + 1));
  });

  it('publishing the same draft from several places at once announces it once', async () => {
    const draft = await createFrom('oocr');
    const results = await Promise.all(Array.from({ length: 5 }, () => platform.request<Contract>('POST', `/v1/contracts/${draft.id}/publish`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.every((r) => r.body.status === 'active' && r.body.publishedVersion === 1)).toBe(true);
    expect(await publishedEvents(draft.id)).toHaveLength(1);
  });

  it('a reference or an OCID already used by another contract is a 409 that says which', async () => {
    const first = await createFrom('pre-cmh', { ocid: `ocds-test-${randomUUID().slice(0, 8)}` });
    const second = await createFrom('pre-cmh');
    const sameReference = await platform.request<{ detail: string }>('PUT', `/v1/contracts/${second.id}`, { ...second.definition, reference: first.reference });
    expect(sameReference.status).toBe(409);
    expect(sameReference.body.detail).toContain(`reference ${first.reference}`);
    const sameOcid = await platform.request<{ detail: string }>('PUT', `/v1/contracts/${second.id}`, { ...second.definition, ocid: first.ocid });
    expect(sameOcid.status).toBe(409);
    expect(sameOcid.body.detail).toContain(`OCID ${first.ocid}`);
    const duplicate = await platform.request<{ detail: string }>('POST', '/v1/contracts', { template: 'pre-cmh', reference: first.reference });
    expect(duplicate.status).toBe(409);
  });

  describe('a referral is validated against its contract’s form', () => {
    let contract: Contract;

    beforeAll(async () => {
      contract = await createFrom('possession', { publish: true });
      expect(contract.status).toBe('active');
    });

    it('missing required answers are each named answers.<field>', async () => {
      const res = await platform.request<FieldErrors>('POST', '/v1/referrals', referral(contract.id));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.field)).toEqual(['answers.claimNumber', 'answers.court', 'answers.hearingDate', 'answers.claimantType']);
      expect(res.body.errors[0].message).toBe('is required');
    });

    it('a wrong answer, an option not offered and a question not asked are named', async () => {
      const res = await platform.request<FieldErrors>(
        'POST',
        '/v1/referrals',
        referral(contract.id, { answers: { ...possessionAnswers, hearingDate: '15/02/2027', claimantType: 'bank', colour: 'blue' } }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.field).sort()).toEqual(['answers.claimantType', 'answers.colour', 'answers.hearingDate']);
    });

    it('an unknown service line is outside the contract: recorded as rejected, 422 naming serviceLine', async () => {
      const res = await platform.request<FieldErrors>('POST', '/v1/referrals', referral(contract.id, { serviceLine: 'divorce', answers: possessionAnswers }));
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e) => e.field)).toEqual(['serviceLine']);
    });

    it('a valid referral is stored with its answers and the contract version it was made under', async () => {
      const res = await platform.request<{
        id: string;
        serviceLine: string;
        contractVersion: number;
        answers: Record<string, unknown>;
        withheldAnswers: string[];
      }>('POST', '/v1/referrals', referral(contract.id, { answers: { ...possessionAnswers, vulnerability: 'Recently bereaved; anxious about the hearing.' } }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        serviceLine: 'possession-mediation',
        contractVersion: 1,
        answers: possessionAnswers,
        withheldAnswers: ['vulnerability'],
      });
      const [row] = await platform.sql<{ contract_version: number; answers: Record<string, unknown> }>(
        'SELECT contract_version, answers FROM intake.referral WHERE id = $1',
        [res.body.id],
      );
      // The special-category answer is sealed at rest (FieldCipher), not kept in plain `answers`.
      expect(row).toEqual({ contract_version: 1, answers: possessionAnswers });
    });

    it('a draft contract takes no referrals: recorded as rejected, 422 naming contractId', async () => {
      const draft = await createFrom('possession');
      const res = await platform.request<FieldErrors>('POST', '/v1/referrals', referral(draft.id, { answers: possessionAnswers }));
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('contractId');
    });
  });

  it("another provider's contract cannot be read, listed, changed or published, and its OCID does not collide with ours", async () => {
    const other = await platform.addOrganisation();
    const asOther = { authorization: `Bearer ${other.apiKey}` };
    const theirs = await platform.request<Contract>('GET', `/v1/contracts/${other.contractId}`, undefined, asOther);
    expect(theirs.status).toBe(200);

    expect((await platform.request('GET', `/v1/contracts/${other.contractId}`)).status).toBe(404);
    expect((await platform.request('PUT', `/v1/contracts/${other.contractId}`, theirs.body.definition)).status).toBe(404);
    expect((await platform.request('POST', `/v1/contracts/${other.contractId}/publish`)).status).toBe(404);
    const ours = await platform.request<{ items: Contract[] }>('GET', '/v1/contracts');
    expect(ours.body.items.map((c) => c.id)).not.toContain(other.contractId);
    expect((await platform.request<Contract>('GET', `/v1/contracts/${other.contractId}`, undefined, asOther)).body.version).toBe(theirs.body.version);

    const doc = { ...structuredClone(OOCR_OCDS), ocid: `ocds-shared-${randomUUID().slice(0, 8)}` };
    const mine = await platform.request<{ outcome: string; contract: Contract }>('POST', '/v1/contracts/import/ocds?template=oocr&reference=MINE-OOCR', doc);
    const otherImport = await platform.request<{ outcome: string; contract: Contract }>(
      'POST',
      '/v1/contracts/import/ocds?template=oocr&reference=THEIRS-OOCR',
      doc,
      asOther,
    );
    expect([mine.body.outcome, otherImport.body.outcome]).toEqual(['created', 'created']);
    expect(mine.body.contract.id).not.toBe(otherImport.body.contract.id);
  });

  describe('OCDS import', () => {
    it('importing the same OCID twice updates one contract: version 2, not a second contract', async () => {
      const first = await platform.request<{ outcome: string; contract: Contract; warnings: { field: string; code: string }[] }>(
        'POST',
        '/v1/contracts/import/ocds?template=oocr',
        OOCR_OCDS,
      );
      expect(first.status).toBe(201);
      expect(first.body.outcome).toBe('created');
      // Keyed by the OCID: a tender id (CONT0393 here) is unique only within its process.
      expect(first.body.contract).toMatchObject({ ocid: OOCR_OCDS.ocid, reference: OOCR_OCDS.ocid, status: 'draft', version: 1, template: 'oocr' });
      // Seed 003's own record: the award was cancelled ("Amendments required to tender"), so the draft says so and is not published.
      expect(first.body.warnings).toEqual([expect.objectContaining({ field: 'procurement.awardStatus', code: 'award-cancelled' })]);
      const publish = await platform.request<FieldErrors>('POST', `/v1/contracts/${first.body.contract.id}/publish`);
      expect(publish).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ field: 'procurement.awardStatus' })] } });
      expect(first.body.contract.definition).toMatchObject({
        title: 'Out of Court Resolution',
        value: { netPence: 59_848_866, grossPence: 71_818_639, currency: 'GBP' },
        period: { start: '2026-04-01', end: '2028-03-31', maxEnd: '2029-03-31', extensions: { count: 1, lengthMonths: 12 } },
        cpvCodes: [
          { code: '75230000', description: 'Justice services' },
          { code: '85312500', description: 'Rehabilitation services' },
        ],
      });
      expect(first.body.contract.definition.serviceLines.map((l) => l.key)).toEqual(['oocr-intervention']);

      const amended = structuredClone(OOCR_OCDS) as unknown as { tender: { value: { amount: number } }; date: string; id: string };
      amended.tender.value.amount = 610_000;
      amended.date = '2025-12-01T09:00:00Z';
      amended.id = `${OOCR_OCDS.ocid}-2025-12-01T09:00:00Z`;
      const second = await platform.request<{ outcome: string; contract: Contract }>('POST', '/v1/contracts/import/ocds', amended);
      expect(second.status).toBe(200);
      expect(second.body.outcome).toBe('updated');
      expect(second.body.contract).toMatchObject({ id: first.body.contract.id, version: 2 });
      expect(second.body.contract.definition.value).toEqual({ netPence: 61_000_000, grossPence: 71_818_639, currency: 'GBP' });
      // The provider's service lines survive a re-import.
      expect(second.body.contract.definition.serviceLines.map((l) => l.key)).toEqual(['oocr-intervention']);

      const list = await platform.request<{ items: Contract[] }>('GET', '/v1/contracts');
      expect(list.body.items.filter((c) => c.ocid === OOCR_OCDS.ocid)).toHaveLength(1);
      const read = await platform.request<Contract>('GET', `/v1/contracts/${first.body.contract.id}`);
      expect(read.body.versions.map((v) => v.version)).toEqual([1, 2]);
    });

    it('a draft imported without a template cannot be published until it has a service line', async () => {
      const doc = { ...structuredClone(OOCR_OCDS), ocid: `ocds-test-${randomUUID().slice(0, 8)}` };
      const imported = await platform.request<{ contract: Contract }>('POST', `/v1/contracts/import/ocds?reference=${reference('OCDS')}`, doc);
      expect(imported.status).toBe(201);
      expect(imported.body.contract.definition.serviceLines).toEqual([]);
      const res = await platform.request<FieldErrors>('POST', `/v1/contracts/${imported.body.contract.id}/publish`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('serviceLines');
    });

    it('a malformed document is a 400 naming the field', async () => {
      const pkg = {
        uri: 'https://example.org/package.json',
        releases: [{ ...structuredClone(OOCR_OCDS), tender: { ...(OOCR_OCDS.tender as object), value: { amount: 'lots', currency: 'GBP' } } }],
      };
      const res = await platform.request<FieldErrors>('POST', '/v1/contracts/import/ocds', pkg);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.field)).toEqual(['releases.0.tender.value.amount']);

      const badQuery = await platform.request<FieldErrors>('POST', '/v1/contracts/import/ocds?template=nope', OOCR_OCDS);
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.errors[0].field).toBe('query.template');
    });
  });
});
