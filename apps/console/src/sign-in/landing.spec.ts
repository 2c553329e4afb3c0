import { landingFor } from './landing';

describe('where each person starts after signing in', () => {
  it('staff who work cases start on My work, even when they also refer', () => {
    expect(landingFor(['case-manager'])).toBe('/');
    expect(landingFor(['mediator', 'referrer'])).toBe('/');
  });

  it('a referrer starts on New referral', () => {
    expect(landingFor(['referrer'])).toBe('/referrals/new');
    expect(landingFor(['referrer', 'commissioner'])).toBe('/referrals/new');
  });

  it('a commissioner, or finance, starts on the contracts they may read, never on a page the API refuses them', () => {
    expect(landingFor(['commissioner'])).toBe('/contracts');
    expect(landingFor(['finance'])).toBe('/contracts');
  });
});
