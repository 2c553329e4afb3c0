import { GatewayProblem } from '../gateway/gateway.client';
import { sessionTimes } from './case-forms';

describe('booking a session: a London date and time become the API’s instants', () => {
  it('reads 10:00 on a summer date as 09:00 UTC and adds the length', () => {
    expect(sessionTimes('2027-07-07', '10:00', '90')).toEqual({ startsAt: '2027-07-07T09:00:00.000Z', endsAt: '2027-07-07T10:30:00.000Z' });
  });

  it('reads 10:00 on a winter date as 10:00 UTC', () => {
    expect(sessionTimes('2027-01-13', '10:00', '60').startsAt).toBe('2027-01-13T10:00:00.000Z');
  });

  it('names each field a person must fix', () => {
    try {
      sessionTimes('13/01/2027', '25:00', '0');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayProblem);
      expect((error as GatewayProblem).problem.errors!.map((e) => e.field)).toEqual(['date', 'time', 'minutes']);
    }
  });
});
