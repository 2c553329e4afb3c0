import { referralReference } from './referral.view';

describe('referral references', () => {
  it('carry the year the referral arrived and a six-digit number', () => {
    expect(referralReference(new Date('2026-11-22T10:00:00Z'), 42n)).toBe('REF-2026-000042');
  });

  it('take the year in London: a referral at 00:30 on New Year’s Day belongs to the new year', () => {
    expect(referralReference(new Date('2027-01-01T00:30:00Z'), 1n)).toBe('REF-2027-000001');
  });

  it('grow past six digits rather than wrap', () => {
    expect(referralReference(new Date('2026-05-01T12:00:00Z'), 1234567n)).toBe('REF-2026-1234567');
  });
});
