import { contractYear, includedCasesPerYear } from './contract-year.rule';

describe('the contract year of a yearly case cap', () => {
  it('runs from an anniversary of the contract start', () => {
    expect(contractYear('2026-09-01', new Date('2027-05-28T16:30:00Z'))).toEqual({
      from: new Date('2026-08-31T23:00:00Z'),
      to: new Date('2027-08-31T23:00:00Z'),
    });
  });

  it('starts a new year on the anniversary itself (London midnight)', () => {
    expect(contractYear('2026-09-01', new Date('2027-08-31T23:30:00Z')).from).toEqual(new Date('2027-08-31T23:00:00Z'));
  });

  it('is the financial year (from 1 April) when the contract has no start date', () => {
    expect(contractYear(undefined, new Date('2027-03-31T12:00:00Z'))).toEqual({ from: new Date('2026-03-31T23:00:00Z'), to: new Date('2027-03-31T23:00:00Z') });
  });

  it('applies only to fixed-per-year pricing with an agreed number of cases', () => {
    expect(includedCasesPerYear({ model: 'fixed-per-year', includedCasesPerYear: 120 })).toBe(120);
    expect(includedCasesPerYear({ model: 'fixed-per-year', includedCasesPerYear: null })).toBeNull();
    expect(includedCasesPerYear({ model: 'unit-cost-per-session' })).toBeNull();
    expect(includedCasesPerYear(undefined)).toBeNull();
  });
});
