import { OcdsDocumentSchema, ContractDefinitionSchema } from '@mediation/protocol';
import { toFieldErrors } from '@mediation/platform';
import compiledRelease from './fixtures/oocr-compiled-release.json';
import releasePackage from './fixtures/possession-release-package.json';
import { buyerRole, mapOcdsDocument, publishedDate } from './ocds-mapper';

const parse = (doc: unknown) => OcdsDocumentSchema.parse(doc);
const errorsOf = (doc: unknown) => {
  const result = OcdsDocumentSchema.safeParse(doc);
  return result.success ? [] : toFieldErrors(result.error);
};
const clone = <T>(value: T): T => structuredClone(value);

describe('importing the OOCR compiled release from seeds/003', () => {
  const facts = mapOcdsDocument(parse(compiledRelease));

  it('takes the OCID (unique to the process, where a tender id is not) as the suggested reference, the title and description', () => {
    expect(facts).toMatchObject({ ocid: 'ocds-h6vhtk-05cfd9', suggestedReference: 'ocds-h6vhtk-05cfd9', title: 'Out of Court Resolution', warnings: [] });
    expect(facts.description).toContain('exclusively receive referrals from Leicestershire Police');
  });

  it('takes the buyer from the parties, as a Police and Crime Commissioner with its identifier and contact', () => {
    expect(facts.buyers).toEqual([
      {
        name: 'The Police and Crime Commissioner for Leicestershire',
        role: 'opcc',
        identifier: { scheme: 'GB-PPON', id: 'PXJR-8257-MYGR' },
        contact: { email: 'procurement@leics.police.uk' },
      },
    ]);
  });

  it('takes net and gross value in pence', () => {
    expect(facts.value).toEqual({ netPence: 59_848_866, grossPence: 71_818_639, currency: 'GBP' });
  });

  it('takes the lot’s contract period as published dates, the maximum extent and the renewal', () => {
    expect(facts.period).toEqual({
      start: '2026-04-01',
      end: '2028-03-31',
      maxEnd: '2029-03-31',
      extensions: { count: 1, lengthMonths: 12, description: '1 x 12 month option to extend for up to 12 months' },
    });
  });

  it('takes the lots, CPV codes from additional classifications, and award criteria with their weights', () => {
    expect(facts.lots).toEqual([{ id: '1', title: 'Lot 1', value: { netPence: 59_848_866, grossPence: 71_818_639, currency: 'GBP' } }]);
    expect(facts.cpvCodes).toEqual([
      { code: '75230000', description: 'Justice services' },
      { code: '85312500', description: 'Rehabilitation services' },
    ]);
    expect(facts.awardCriteria).toEqual([
      { lotId: '1', type: 'quality', name: 'Quality', weightPercent: 80 },
      { lotId: '1', type: 'price', name: 'Price', weightPercent: 20 },
    ]);
  });

  it('takes the procurement method, tender status, submission deadline and notice links', () => {
    expect(facts.procurement).toMatchObject({
      method: 'open',
      methodDetails: 'Open procedure',
      tenderStatus: 'complete',
      tenderPeriod: { end: '2025-11-24T14:00:00Z' },
    });
    // The record's one award was cancelled ("Amendments required to tender"): kept, so the contract is not published on it.
    expect(facts.procurement?.awardStatus).toBe('cancelled');
    expect(facts.procurement?.noticeUrls).toEqual([
      'https://www.find-tender.service.gov.uk/Notice/066750-2025',
      'https://www.find-tender.service.gov.uk/Notice/077802-2025',
    ]);
  });

  it('makes a valid contract definition once given a reference', () => {
    const { ocid, suggestedReference, release, warnings, ...rest } = facts;
    expect(warnings).toEqual([]);
    expect(release.id).toBe('ocds-h6vhtk-05cfd9-2025-11-27T15:48:17Z');
    expect(ContractDefinitionSchema.safeParse({ ...rest, ocid, reference: suggestedReference }).success).toBe(true);
  });
});

describe('importing a release package with two releases (tender, then award)', () => {
  const facts = mapOcdsDocument(parse(releasePackage));

  it('compiles them in date order whatever their order in the package: the later award wins', () => {
    expect(facts.procurement?.tenderStatus).toBe('complete');
    expect(facts.release.id).toMatch(/-award$/);
    expect(facts.title).toBe('Possession Mediation Services Pilot');
  });

  it('prefers the awarded contract’s value and period to the tender’s estimate', () => {
    expect(facts.value).toEqual({ netPence: 180_000_000, currency: 'GBP' });
    expect(facts.period).toEqual({ start: '2021-01-14', end: '2021-07-31' });
  });

  it('reads a CPV code with its check digit and guesses the buyer’s kind; an invalid contact email is dropped', () => {
    expect(facts.cpvCodes).toEqual([{ code: '75230000', description: 'Justice services' }]);
    expect(facts.buyers).toEqual([{ name: 'MINISTRY OF JUSTICE.', role: 'central-government' }]);
  });
});

describe('importing a record', () => {
  it('uses the compiled release and ignores linked releases', () => {
    const record = {
      ocid: 'ocds-h6vhtk-05cfd9',
      releases: [{ url: 'https://example.org/r1.json', date: '2025-10-20T14:19:05+01:00', tag: ['tender'] }],
      compiledRelease: clone(compiledRelease),
    };
    expect(mapOcdsDocument(parse(record)).value?.netPence).toBe(59_848_866);
  });

  it('compiles embedded releases when there is no compiled release', () => {
    const record = { ocid: releasePackage.releases[0].ocid, releases: clone(releasePackage.releases) };
    expect(mapOcdsDocument(parse(record)).value?.netPence).toBe(180_000_000);
  });

  it('reads the one record of a record package', () => {
    expect(mapOcdsDocument(parse({ records: [{ ocid: 'ocds-h6vhtk-05cfd9', compiledRelease: clone(compiledRelease) }] })).ocid).toBe('ocds-h6vhtk-05cfd9');
  });
});

describe('a malformed document is refused naming each field', () => {
  it('a text amount inside a package release', () => {
    const pkg = clone(releasePackage) as { releases: { tender?: { value?: { amount: unknown } } }[] };
    pkg.releases[1].tender!.value!.amount = '2,000,000';
    expect(errorsOf(pkg)).toEqual([expect.objectContaining({ field: 'releases.1.tender.value.amount', code: 'invalid_type' })]);
  });

  it('a release without its ocid, id or date', () => {
    const rest: Record<string, unknown> = clone(compiledRelease);
    delete rest.ocid;
    delete rest.id;
    delete rest.date;
    expect(errorsOf(rest).map((e) => [e.field, e.message])).toEqual([
      ['ocid', 'is required'],
      ['id', 'is required'],
      ['date', 'is required'],
    ]);
  });

  it('a currency that is not an ISO 4217 code, and a date that is not one', () => {
    const doc = clone(compiledRelease) as { tender: { value: { currency: string }; lots: { contractPeriod: { endDate: string } }[] } };
    doc.tender.value.currency = 'pounds';
    doc.tender.lots[0].contractPeriod.endDate = 'next March';
    expect(errorsOf(doc).map((e) => e.field)).toEqual(['tender.value.currency', 'tender.lots.0.contractPeriod.endDate']);
  });

  it('a value in another currency is not refused but left out, with a warning naming the field', () => {
    const doc = clone(compiledRelease) as { tender: { value: { currency: string } } };
    doc.tender.value.currency = 'EUR';
    const facts = mapOcdsDocument(parse(doc));
    expect(facts.value).toBeUndefined();
    expect(facts.warnings).toEqual([expect.objectContaining({ field: 'tender.value.currency', code: 'not-gbp', message: expect.stringContaining('EUR') })]);
  });

  it('a package mixing two contracting processes, an empty package, a record package of two records', () => {
    const mixed = clone(releasePackage);
    mixed.releases[1].ocid = 'ocds-other';
    expect(errorsOf(mixed).map((e) => e.field)).toEqual(['releases.1.ocid']);
    expect(errorsOf({ releases: [] }).map((e) => e.field)).toEqual(['releases']);
    expect(
      errorsOf({
        records: [
          { ocid: 'a', compiledRelease: clone(compiledRelease) },
          { ocid: 'b', compiledRelease: clone(compiledRelease) },
        ],
      }).map((e) => e.field),
    ).toEqual(['records']);
  });

  it('a record with neither a compiled release nor embedded releases', () => {
    expect(errorsOf({ ocid: 'ocds-x', releases: [{ url: 'https://example.org/1.json' }] }).map((e) => e.field)).toEqual(['compiledRelease']);
  });

  it('a document with no buyer at all is refused naming buyer', () => {
    const doc = clone(compiledRelease) as Record<string, unknown>;
    delete doc.buyer;
    delete doc.parties;
    expect(() => mapOcdsDocument(parse(doc))).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'buyer' })] }) }),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['The Police and Crime Commissioner for Leicestershire', 'opcc'],
    ['Leicestershire Police', 'police'],
    ['Warwickshire County Council', 'local-authority'],
    ['London Borough of Hackney', 'council'],
    ['DEPARTMENT FOR EDUCATION', 'dfe'],
    ['HM Courts and Tribunals Service', 'court'],
    ['Acme Housing Trust', 'other'],
  ])('%s is a %s buyer', (name, role) => expect(buyerRole(name)).toBe(role));

  it('reads a date-time as the calendar date it was published for, never converted to London (a late UTC end stays on its day)', () => {
    expect(publishedDate('2028-03-31T23:59:59+01:00')).toBe('2028-03-31');
    expect(publishedDate('2026-10-31T23:30:00Z')).toBe('2026-10-31');
    expect(publishedDate('2011-06-30T23:59:00Z')).toBe('2011-06-30');
    expect(publishedDate('2019-03-30T17:08:14+05:45')).toBe('2019-03-30');
    expect(publishedDate('2026-04-01')).toBe('2026-04-01');
  });
});
