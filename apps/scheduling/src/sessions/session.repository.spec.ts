import { isDoubleBooking } from './session.repository';

describe('telling a double booking from other database errors', () => {
  it('recognises PostgreSQL’s exclusion violation however the driver wraps it', () => {
    expect(isDoubleBooking({ code: '23P01' })).toBe(true);
    expect(isDoubleBooking(Object.assign(new Error('query failed'), { cause: { originalCode: '23P01' } }))).toBe(true);
    expect(isDoubleBooking(new Error('conflicting key value violates exclusion constraint "session_booking_no_double_booking"'))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isDoubleBooking({ code: '23505' })).toBe(false);
    expect(isDoubleBooking(new Error('connection reset'))).toBe(false);
    expect(isDoubleBooking(undefined)).toBe(false);
  });
});
