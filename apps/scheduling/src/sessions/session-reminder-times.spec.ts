import { calendarFor } from '@mediation/calendar';
import { sessionReminderTimes } from './session-reminder-times';

describe('when the reminders before a session go', () => {
  it('09:00 two working days before (over a weekend and a bank holiday) and 08:00 on the day, London time', () => {
    // Wednesday 29 December 2027 at 10:00 London: Monday 27 and Tuesday 28 are bank holidays, so two working days before is Thursday 23.
    const times = sessionReminderTimes(new Date('2027-12-29T10:00:00Z'), calendarFor());
    expect(times.map((t) => [t.reminder, t.at.toISOString()])).toEqual([
      [0, '2027-12-23T09:00:00.000Z'],
      [1, '2027-12-29T08:00:00.000Z'],
    ]);
    // In summer time 08:00 London is 07:00 UTC.
    expect(sessionReminderTimes(new Date('2027-06-10T09:00:00Z'), calendarFor()).map((t) => t.at.toISOString())).toEqual([
      '2027-06-08T08:00:00.000Z',
      '2027-06-10T07:00:00.000Z',
    ]);
  });

  it('a line’s closure day is not a working day, and a session before 08:00 has no morning reminder', () => {
    const times = sessionReminderTimes(new Date('2027-06-10T06:30:00Z'), calendarFor([{ date: '2027-06-09' }]));
    expect(times.map((t) => [t.reminder, t.at.toISOString()])).toEqual([[0, '2027-06-07T08:00:00.000Z']]);
  });
});
