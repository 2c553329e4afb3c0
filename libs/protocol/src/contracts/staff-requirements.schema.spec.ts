import { StaffRequirementsSchema } from './staff-requirements.schema';

const basis = { kind: 'provider-practice' as const, text: 'Enhanced DBS for work with children.', source: { document: 'seeds/002_da8c8fe3395b5535.txt' } };

describe('the checks a service line requires of its staff', () => {
  it('names accreditation kinds staff hold, with the basis', () => {
    expect(StaffRequirementsSchema.parse({ accreditations: ['send-mediation', 'dbs-enhanced'], basis }).accreditations).toEqual([
      'send-mediation',
      'dbs-enhanced',
    ]);
  });

  it('refuses `other`, a kind that names no particular check, an unknown kind, a repeated kind, or none', () => {
    const pathsOf = (accreditations: unknown) => StaffRequirementsSchema.safeParse({ accreditations, basis }).error?.issues.map((i) => i.path.join('.'));
    expect(pathsOf(['other'])).toEqual(['accreditations.0']);
    expect(pathsOf(['first-aid'])).toEqual(['accreditations.0']);
    expect(pathsOf(['dbs-enhanced', 'dbs-enhanced'])).toEqual(['accreditations']);
    expect(pathsOf([])).toEqual(['accreditations']);
  });

  it('needs its basis', () => {
    expect(StaffRequirementsSchema.safeParse({ accreditations: ['dbs-enhanced'] }).error?.issues.map((i) => i.path.join('.'))).toEqual(['basis']);
  });
});
