import { accreditationStatus, blockingExpiries, daysLeft, isSuperseded } from './accreditation-status';
import { checkLivingWage, londonLivingWageOn, upcomingLondonLivingWage } from './london-living-wage';
import { conflictsWith, eligibilityWarnings, ineligibility, type EligibilityFacts, type Engagement } from './staff-eligibility';

const today = '2026-11-22';
const contractId = 'contract-1';
const dbs = (expiresOn: string | null) => ({ kind: 'dbs-enhanced', label: 'Enhanced DBS check', expiresOn });
const sendAccreditation = (expiresOn: string | null) => ({ kind: 'send-mediation', label: 'SEND mediation accreditation', expiresOn });
const sendLine = { key: 'send-mediation', name: 'SEND mediation', londonLivingWage: { required: false } };
const noiseLine = { key: 'noise', name: 'Noise nuisance', londonLivingWage: { required: true } };
const requiringChecks = {
  ...sendLine,
  staffRequirements: {
    accreditations: ['send-mediation' as const, 'dbs-enhanced' as const],
    basis: { kind: 'guidance' as const, text: 'Independent, accredited mediators.', source: { document: 'SEND Code of Practice', section: '§11.38' } },
  },
};

const mediator = (extra: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  status: 'active',
  payRatePence: 2500,
  accreditations: [],
  serviceLines: [
    { contractId, serviceLine: 'send-mediation' },
    { contractId, serviceLine: 'noise' },
  ],
  conflicts: [],
  ...extra,
});
/** Allocation judges everything as of today. */
const allocating = (line: Engagement['line'] = sendLine, extra: Partial<Engagement> = {}): Engagement => ({
  caseId: 'case-1',
  contractId,
  line,
  parties: [],
  today,
  through: today,
  payOn: today,
  ...extra,
});
/** Booking judges accreditations through the session's last day and pay on its date. */
const booking = (sessionDay: string, line: Engagement['line'] = sendLine, extra: Partial<Engagement> = {}): Engagement =>
  allocating(line, { through: sessionDay, payOn: sessionDay, ...extra });
const messages = (staff: EligibilityFacts, at: Engagement) => ineligibility(staff, at).map((r) => r.message);

describe('who may be allocated or booked', () => {
  it('a mediator whose DBS check expired yesterday is not offered', () => {
    expect(messages(mediator({ accreditations: [dbs('2026-11-21')] }), allocating())).toEqual(['Enhanced DBS check expired on 2026-11-21']);
  });

  it('a check is still valid on its last day, and shows as expiring within 30 days', () => {
    expect(accreditationStatus('2026-11-22', today)).toBe('expiring');
    expect(accreditationStatus('2026-12-22', today)).toBe('expiring');
    expect(accreditationStatus('2026-12-23', today)).toBe('valid');
    expect(accreditationStatus(null, today)).toBe('valid');
    expect(ineligibility(mediator({ accreditations: [dbs('2026-11-22')] }), allocating())).toEqual([]);
  });

  it('a renewed check replaces the expired one', () => {
    expect(blockingExpiries([dbs('2026-10-01'), dbs('2029-10-01')], today)).toEqual([]);
  });

  it('an inactive member of staff is not offered', () => {
    expect(ineligibility(mediator({ status: 'inactive' }), allocating())).toEqual([{ code: 'inactive', message: 'inactive' }]);
  });

  it('someone who does not work on the case’s service line is not offered nor booked', () => {
    const housingOnly = mediator({ serviceLines: [{ contractId, serviceLine: 'noise' }] });
    expect(ineligibility(housingOnly, allocating())).toEqual([{ code: 'not-on-line', message: 'does not work on SEND mediation' }]);
    expect(ineligibility(housingOnly, booking('2026-12-01'))).toEqual([{ code: 'not-on-line', message: 'does not work on SEND mediation' }]);
    // The same line key in another contract is another line.
    expect(ineligibility(mediator({ serviceLines: [{ contractId: 'contract-2', serviceLine: 'send-mediation' }] }), allocating())[0].code).toBe('not-on-line');
  });

  it('a declared conflict with the case, or with any party of it, blocks the booking as it blocks allocation', () => {
    const conflicted = mediator({ conflicts: [{ partyName: 'Warwickshire County Council', caseId: null, reason: 'worked in its SEND team until 2025' }] });
    expect(ineligibility(conflicted, booking('2026-12-01', sendLine, { parties: ['Pat Parent', 'warwickshire  county council'] }))).toEqual([
      { code: 'conflict-of-interest', message: 'conflict of interest with Warwickshire County Council: worked in its SEND team until 2025' },
    ]);
    expect(ineligibility(conflicted, booking('2026-12-01', sendLine, { parties: ['Pat Parent'] }))).toEqual([]);
    expect(
      ineligibility(mediator({ conflicts: [{ partyName: null, caseId: 'case-1', reason: 'neighbour of the family' }] }), booking('2026-12-01'))[0],
    ).toEqual({ code: 'conflict-of-interest', message: 'conflict of interest with this case: neighbour of the family' });
  });
});

describe('accreditations are judged through the session, not today', () => {
  it('a DBS check lapsing before the session day blocks that booking, naming the check and its expiry', () => {
    const lapsing = mediator({ accreditations: [dbs('2026-12-10')] });
    expect(ineligibility(lapsing, allocating())).toEqual([]);
    expect(ineligibility(lapsing, booking('2026-12-14'))).toEqual([
      { code: 'accreditation-expired', message: 'Enhanced DBS check expires on 2026-12-10, before the session on 2026-12-14' },
    ]);
    // Valid on the session's day itself is enough, and a renewal already recorded covers the later session.
    expect(ineligibility(lapsing, booking('2026-12-10'))).toEqual([]);
    expect(ineligibility(mediator({ accreditations: [dbs('2026-12-10'), dbs('2029-12-10')] }), booking('2026-12-14'))).toEqual([]);
  });

  it('allocation warns of a check running out within 30 days, not of one a renewal has superseded', () => {
    expect(eligibilityWarnings(mediator({ accreditations: [dbs('2026-12-10')] }), allocating())).toEqual([
      {
        code: 'accreditation-expiring',
        message: 'Enhanced DBS check expires on 2026-12-10 (in 18 days); sessions after then cannot be booked until it is renewed',
      },
    ]);
    expect(eligibilityWarnings(mediator({ accreditations: [dbs('2026-12-10'), dbs('2029-12-10')] }), allocating())).toEqual([]);
    expect(eligibilityWarnings(mediator({ accreditations: [dbs('2027-06-01'), dbs(null)] }), allocating())).toEqual([]);
    expect(eligibilityWarnings(mediator({ accreditations: [dbs('2026-12-23')] }), allocating())).toEqual([]);
  });

  it('a check is superseded by a later one of the same kind in date today, not by another kind nor by an expired one', () => {
    const old = { id: 'a', kind: 'dbs-enhanced', expiresOn: '2026-12-01' };
    expect(isSuperseded(old, [old, { id: 'b', kind: 'dbs-enhanced', expiresOn: '2029-12-01' }], today)).toBe(true);
    expect(isSuperseded(old, [old, { id: 'b', kind: 'dbs-enhanced', expiresOn: null }], today)).toBe(true);
    expect(isSuperseded(old, [old, { id: 'b', kind: 'fmc-accreditation', expiresOn: '2029-12-01' }], today)).toBe(false);
    expect(isSuperseded(old, [old, { id: 'b', kind: 'dbs-enhanced', expiresOn: '2026-11-01' }], today)).toBe(false);
    expect(
      isSuperseded({ id: 'b', kind: 'dbs-enhanced', expiresOn: '2029-12-01' }, [old, { id: 'b', kind: 'dbs-enhanced', expiresOn: '2029-12-01' }], today),
    ).toBe(false);
  });
});

describe('checks a service line requires', () => {
  it('someone without a SEND accreditation or a DBS check is not offered for a SEND case, with the line’s basis', () => {
    expect(ineligibility(mediator({ accreditations: [dbs('2029-01-01')] }), allocating(requiringChecks))).toEqual([
      { code: 'accreditation-missing', message: 'holds no SEND mediation accreditation, which SEND mediation requires (SEND Code of Practice, §11.38)' },
    ]);
    expect(ineligibility(mediator({ accreditations: [dbs('2029-01-01'), sendAccreditation(null)] }), allocating(requiringChecks))).toEqual([]);
  });

  it('a required check that has lapsed is named by its expiry, once', () => {
    expect(messages(mediator({ accreditations: [dbs('2026-11-01'), sendAccreditation(null)] }), allocating(requiringChecks))).toEqual([
      'Enhanced DBS check expired on 2026-11-01',
    ]);
  });

  it('a line without requirements asks for no particular check', () => {
    expect(ineligibility(mediator(), allocating(sendLine))).toEqual([]);
  });
});

describe('the London Living Wage in force on the date, not the newest announced', () => {
  it('a new rate is payable from the Living Wage Foundation’s implementation date, not its announcement', () => {
    expect(londonLivingWageOn('2025-10-22').pencePerHour).toBe(1385);
    expect(londonLivingWageOn('2026-04-30').pencePerHour).toBe(1385);
    expect(londonLivingWageOn('2026-05-01')).toMatchObject({ pencePerHour: 1480, announcedOn: '2025-10-22', payableFrom: '2026-05-01' });
    expect(londonLivingWageOn('2025-04-30').pencePerHour).toBe(1315);
    expect(upcomingLondonLivingWage('2025-10-21')).toBeNull();
    expect(upcomingLondonLivingWage('2025-12-01')).toMatchObject({ pencePerHour: 1480, payableFrom: '2026-05-01' });
    expect(upcomingLondonLivingWage('2026-05-01')).toBeNull();
  });

  it('pay below the rate in force blocks a line that requires it, and only such a line', () => {
    const onNoise = (pay: number, at: Partial<Engagement> = {}) => ineligibility(mediator({ payRatePence: pay }), allocating(noiseLine, at));
    expect(onNoise(1479).map((r) => r.message)).toEqual([
      'paid £14.79/h, below the London Living Wage of £14.80/h (payable since 2026-05-01) this contract requires',
    ]);
    expect(onNoise(1480)).toEqual([]);
    expect(ineligibility(mediator({ payRatePence: 1300 }), allocating(sendLine))).toEqual([]);
  });

  it('a mediator paid the current rate is bookable the day after a new rate is announced, with a warning, and not for a session after it is payable', () => {
    const december2025 = { today: '2025-12-01', through: '2025-12-10', payOn: '2025-12-10' };
    const onRate = mediator({ payRatePence: 1385 });
    expect(ineligibility(onRate, allocating(noiseLine, december2025))).toEqual([]);
    expect(eligibilityWarnings(onRate, allocating(noiseLine, december2025))).toEqual([
      {
        code: 'london-living-wage-rising',
        message: 'paid £13.85/h: the London Living Wage rises to £14.80/h from 2026-05-01 (announced 2025-10-22); raise the pay rate by then',
      },
    ]);
    expect(ineligibility(onRate, allocating(noiseLine, { ...december2025, through: '2026-05-05', payOn: '2026-05-05' })).map((r) => r.code)).toEqual([
      'london-living-wage',
    ]);
    expect(eligibilityWarnings(mediator({ payRatePence: 1385 }), allocating(sendLine, december2025))).toEqual([]);
  });

  it('the staff view shows the rate in force and the one to come', () => {
    expect(checkLivingWage(1400, true, '2026-01-15')).toEqual({
      required: true,
      ratePence: 1385,
      rateSince: '2025-05-01',
      meets: true,
      upcoming: { ratePence: 1480, announcedOn: '2025-10-22', payableFrom: '2026-05-01', meets: false },
    });
    expect(checkLivingWage(1400, false, '2026-01-15').upcoming?.meets).toBe(true);
  });
});

describe('conflicts of interest', () => {
  it('a conflict with a party of the case blocks, whatever the spacing or case of the name', () => {
    const conflicts = [{ partyName: 'Riverside  Housing', caseId: null, reason: 'acted for them in 2024' }];
    expect(conflictsWith(conflicts, 'case-1', ['riverside housing', 'Ms A'])).toEqual(['conflict of interest with Riverside  Housing: acted for them in 2024']);
    expect(conflictsWith(conflicts, 'case-1', ['Ms A'])).toEqual([]);
    expect(conflictsWith([{ partyName: null, caseId: 'case-1', reason: 'neighbour' }], 'case-1', [])).toEqual([
      'conflict of interest with this case: neighbour',
    ]);
  });
});

it('counts calendar days left to an expiry', () => {
  expect(daysLeft('2026-12-22', today)).toBe(30);
  expect(daysLeft('2026-11-21', today)).toBe(-1);
});
