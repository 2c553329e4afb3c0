import { accreditationStatus, blockingExpiries, daysLeft } from './accreditation-status';
import { londonLivingWageOn } from './london-living-wage';
import { ineligibility } from './staff-eligibility';

const today = '2026-11-22';
const dbs = (expiresOn: string | null) => ({ kind: 'dbs-enhanced', label: 'Enhanced DBS check', expiresOn });

describe('who may be allocated', () => {
  it('a mediator whose DBS check expired yesterday is not offered', () => {
    expect(ineligibility({ status: 'active', payRatePence: 2500, accreditations: [dbs('2026-11-21')] }, today, false)).toEqual(['Enhanced DBS check expired on 2026-11-21']);
  });

  it('a check is still valid on its last day, and shows as expiring within 30 days', () => {
    expect(accreditationStatus('2026-11-22', today)).toBe('expiring');
    expect(accreditationStatus('2026-12-22', today)).toBe('expiring');
    expect(accreditationStatus('2026-12-23', today)).toBe('valid');
    expect(accreditationStatus(null, today)).toBe('valid');
    expect(ineligibility({ status: 'active', payRatePence: 2500, accreditations: [dbs('2026-11-22')] }, today, false)).toEqual([]);
  });

  it('a renewed check replaces the expired one', () => {
    expect(blockingExpiries([dbs('2026-10-01'), dbs('2029-10-01')], today)).toEqual([]);
  });

  it('an inactive member of staff is not offered', () => {
    expect(ineligibility({ status: 'inactive', payRatePence: 2500, accreditations: [] }, today, false)).toEqual(['inactive']);
  });

  it('pay below the London Living Wage blocks a line that requires it, and only such a line', () => {
    expect(ineligibility({ status: 'active', payRatePence: 1479, accreditations: [] }, today, true)).toEqual(['paid £14.79/h, below the London Living Wage of £14.80/h (since 2025-10-22) this contract requires']);
    expect(ineligibility({ status: 'active', payRatePence: 1480, accreditations: [] }, today, true)).toEqual([]);
    expect(ineligibility({ status: 'active', payRatePence: 1300, accreditations: [] }, today, false)).toEqual([]);
  });

  it('the London Living Wage is dated: £13.85 until the 2025 rate was announced', () => {
    expect(londonLivingWageOn('2025-10-21').pencePerHour).toBe(1385);
    expect(londonLivingWageOn('2025-10-22').pencePerHour).toBe(1480);
  });

  it('counts calendar days left to an expiry', () => {
    expect(daysLeft('2026-12-22', today)).toBe(30);
    expect(daysLeft('2026-11-21', today)).toBe(-1);
  });
});
