import { receivedAtOf } from './received-at.rule';

const monday = new Date('2027-06-07T09:30:00Z');

describe('when a referral was received', () => {
  it('is when it is entered, unless the person entering it says it arrived earlier', () => {
    expect(receivedAtOf(undefined, monday, undefined)).toBe(monday);
    expect(receivedAtOf('2027-06-04T17:30:00+01:00', monday, { start: '2027-04-01' }).toISOString()).toBe('2027-06-04T16:30:00.000Z');
  });

  it('cannot be in the future (a minute of clock skew aside)', () => {
    expect(receivedAtOf('2027-06-07T09:30:30Z', monday, undefined).toISOString()).toBe('2027-06-07T09:30:30.000Z');
    expect(() => receivedAtOf('2027-06-07T09:32:00Z', monday, undefined)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({ status: 400, errors: [{ field: 'receivedAt', message: 'must not be in the future', code: 'in_future' }] }),
      }),
    );
  });

  it('cannot be before the contract period began, in London: 00:30 BST on its first day is within it', () => {
    expect(receivedAtOf('2027-03-31T23:30:00Z', monday, { start: '2027-04-01' }).toISOString()).toBe('2027-03-31T23:30:00.000Z');
    expect(() => receivedAtOf('2027-03-31T22:30:00Z', monday, { start: '2027-04-01' })).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          errors: [{ field: 'receivedAt', message: 'must not be before the contract period began on 2027-04-01', code: 'before_contract' }],
        }),
      }),
    );
  });
});
