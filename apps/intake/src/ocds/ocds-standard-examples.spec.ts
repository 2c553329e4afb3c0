import { ContractDefinitionSchema, OcdsDocumentSchema } from '@mediation/protocol';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mapOcdsDocument, type OcdsContractFacts } from './ocds-mapper';

/** The OCDS standard's own examples (see fixtures/standard/README.md for their sources). */
const FOLDER = path.join(__dirname, 'fixtures/standard');
const example = (file: string): unknown => JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8'));
const imported = (file: string): OcdsContractFacts => mapOcdsDocument(OcdsDocumentSchema.parse(example(file)));

/** What each example must give; every file in the folder has an entry. */
const EXPECTED: Record<string, (facts: OcdsContractFacts) => void> = {
  'sample-data_1.1_ocds-213czf-000-00001-02-tender.json': (facts) => {
    expect(facts).toMatchObject({
      ocid: 'ocds-213czf-000-00001',
      title: 'Planned cycle lane improvements',
      value: { netPence: 110_000_000, currency: 'GBP' },
      warnings: [],
    });
    // The tender's end, 2011-06-30T23:59:00Z, is 30 June as published; in London it would already be 1 July.
    expect(facts.period).toEqual({ start: '2010-07-01', end: '2011-06-30' });
    expect(facts.cpvCodes.map((c) => c.code)).toEqual(['45233130', '45233162']);
    expect(facts.procurement).toMatchObject({
      method: 'open',
      tenderStatus: 'active',
      noticeUrls: ['http://example.com/tender-notices/ocds-213czf-000-00001-01.html'],
    });
  },
  'sample-data_1.1_record_ocds-213czf-000-00001.json': (facts) => {
    // The compiled release: the signed contract's value and period, not the tender's estimate.
    expect(facts).toMatchObject({ ocid: 'ocds-213czf-000-00001', value: { netPence: 1_100_000_000, currency: 'GBP' }, warnings: [] });
    expect(facts.period).toEqual({ start: '2010-07-01', end: '2011-06-30', maxEnd: '2011-12-31' });
    expect(facts.procurement).toMatchObject({ tenderStatus: 'complete', awardStatus: 'active', contractStatus: 'active' });
  },
  'standard_1.1_frameworks_closed_single_award.json': (facts) => {
    // An award-only release: no tender value or period, so the award's are read.
    expect(facts).toMatchObject({
      ocid: 'ocds-r6ebe6-95f19d21-d066-4931-a431-071211033960',
      suggestedReference: 'ocds-r6ebe6-95f19d21-d066-4931-a431-071211033960',
      value: { netPence: 1_000_000, currency: 'GBP' },
      warnings: [],
    });
    expect(facts.period).toEqual({ start: '2020-10-01', end: '2020-10-31' });
    expect(facts.cpvCodes).toEqual([{ code: '63120000', description: 'Storage and warehousing services' }]);
    expect(facts.buyers).toEqual([
      expect.objectContaining({ name: expect.stringContaining('NHS National Services Scotland'), identifier: { scheme: 'GB-NHS', id: 'YA7' } }),
    ]);
  },
  'standard_1.1_frameworks_closed_single_first_stage.json': (facts) => {
    expect(facts).toMatchObject({
      title: 'Storage and Distribution of Seasonal Influenza Vaccine',
      value: { netPence: 112_000_000, currency: 'GBP' },
      warnings: [],
    });
    expect(facts.period).toBeUndefined(); // a duration of 720 days gives no dates to run between
    expect(facts.procurement).toMatchObject({ tenderStatus: 'active', tenderPeriod: { end: '2019-11-13T12:00:00Z' } });
  },
  'standard_1.1_organizations_organization_classification_uk_organization_classification.json': (facts) => {
    expect(facts).toMatchObject({
      ocid: 'ocds-h6vhtk-016248',
      title: 'Reablement — Frailty 65+',
      buyers: [{ name: 'London Borough of Haringey', role: 'council' }],
      release: { date: '2019-03-30T17:08:14+05:45' },
      warnings: [],
    });
    expect(facts.value).toBeUndefined();
  },
  'standard_1.1_merging_deletions_object_record.json': (facts) => {
    // No currency: the value stays unknown and the answer says so; it is never taken for pounds.
    expect(facts.value).toBeUndefined();
    expect(facts.warnings).toEqual([expect.objectContaining({ field: 'tender.value.currency', code: 'no-currency' })]);
    // The later release deleted the estimated contract period with nulls.
    expect(facts.period).toBeUndefined();
    expect(facts.buyers).toEqual([
      expect.objectContaining({
        name: 'CAUCA - ALCALDÍA MUNICIPIO DE MERCADERES',
        role: 'other',
        contact: expect.objectContaining({ email: 'derazo@example.com' }),
      }),
    ]);
  },
  'standard_1.1_easy_releases_worked_example1_contract.json': (facts) => {
    expect(facts.value).toBeUndefined();
    expect(facts.warnings).toEqual([
      expect.objectContaining({ field: 'contracts.0.value.currency', code: 'not-gbp', message: expect.stringContaining('PYG') }),
    ]);
    expect(facts.period).toEqual({ start: '2019-01-15', end: '2020-01-14' });
    expect(facts.procurement).toMatchObject({ method: 'direct', contractStatus: 'active' });
    expect(facts.buyers).toEqual([{ name: 'City Hall of Juan de Mena', role: 'other' }]);
  },
};

describe("the OCDS standard's own examples", () => {
  it('every file in the folder is tried below', () => {
    expect(
      readdirSync(FOLDER)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s is accepted, mapped as expected, and makes a valid contract definition', (file) => {
    const facts = imported(file);
    EXPECTED[file](facts);
    const { ocid, suggestedReference, release, warnings, ...definition } = facts;
    expect([release, warnings]).toBeDefined();
    const parsed = ContractDefinitionSchema.safeParse({ ...definition, ocid, reference: suggestedReference });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('the embedded releases of a record compile to what its compiled release says: null deletes a field', () => {
    const record = example('standard_1.1_merging_deletions_object_record.json') as { records: { ocid: string; releases: unknown[] }[] };
    const facts = mapOcdsDocument(OcdsDocumentSchema.parse({ ocid: record.records[0].ocid, releases: record.records[0].releases }));
    expect(facts.period).toBeUndefined();
    expect(facts.release.id).toBe('11-13-651832-tenderUpdate');
    expect(facts.procurement?.tenderPeriod).toEqual({ start: '2011-10-14T16:22:00.000Z', end: '2011-10-26T00:00:00.000Z' });
  });

  it('an award that was cancelled and a contract that was terminated are recorded with their statuses', () => {
    const doc = example('sample-data_1.1_record_ocds-213czf-000-00001.json') as {
      records: { compiledRelease: { awards: { status: string }[]; contracts: { status: string }[] } }[];
    };
    doc.records[0].compiledRelease.awards[0].status = 'cancelled';
    doc.records[0].compiledRelease.contracts[0].status = 'terminated';
    expect(mapOcdsDocument(OcdsDocumentSchema.parse(doc)).procurement).toMatchObject({ awardStatus: 'cancelled', contractStatus: 'terminated' });
  });
});
