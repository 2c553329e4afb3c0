import { checkConsent } from './consent.rule';

const basis = { kind: 'contractual' as const, text: 'Service users give their consent to the Council for the case to be referred to mediation.', source: { document: 'seeds/001 specification', section: '§5.1' } };
const resident = { role: 'complainant' as const, name: 'Ann Resident' };
const neighbour = { role: 'respondent' as const, name: 'Ben Neighbour' };
const given = (givenBy: string) => ({ givenBy, relationship: 'tenant', givenAt: '2027-05-20T10:00:00Z', method: 'verbal' as const, recordedBy: 'Officer Pat' });

describe('consent to a referral', () => {
  it('where the template requires it and none is recorded, the referral is refused quoting the rule', () => {
    const check = checkConsent({ required: true, givenBy: 'service-user', givenTo: 'the Council', basis }, undefined, [resident]);
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('given by the service user to the Council') });
    expect(!check.ok && check.reason).toContain('The rule: Service users give their consent to the Council for the case to be referred to mediation. (seeds/001 specification §5.1)');
  });

  it('recorded consent (who, relationship, when, how, recorded by) satisfies it', () => {
    expect(checkConsent({ required: true, givenBy: 'service-user', basis }, [given('Ann Resident')], [resident])).toEqual({ ok: true });
  });

  it('where every party must consent, one consent for two parties is not enough', () => {
    const check = checkConsent({ required: true, givenBy: 'all-parties', basis }, [given('Ann Resident')], [resident, neighbour]);
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('2 parties, 1 consent recorded') });
    expect(checkConsent({ required: true, givenBy: 'all-parties', basis }, [given('Ann Resident'), given('Ben Neighbour')], [resident, neighbour])).toEqual({ ok: true });
  });

  it('a line that does not require consent (pre-CMH) accepts without it', () => {
    expect(checkConsent({ required: false, givenBy: 'not-required', basis }, undefined, [resident])).toEqual({ ok: true });
    expect(checkConsent(undefined, undefined, [resident])).toEqual({ ok: true });
  });
});
