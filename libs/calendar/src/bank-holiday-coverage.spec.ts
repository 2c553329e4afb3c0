import { bankHolidayCoverageWarning, onWorkingDaysBeyondShippedData, SHIPPED_BANK_HOLIDAYS_COVER_UNTIL } from './bank-holiday-coverage';
import { WorkingCalendar } from './working-calendar';

describe('the end of the shipped bank holidays', () => {
  it('covers every day to the end of the last holiday’s year (the feed lists whole years)', () => {
    expect(SHIPPED_BANK_HOLIDAYS_COVER_UNTIL).toBe('2028-12-31');
  });

  it('says nothing at boot while the data runs a year or more ahead', () => {
    expect(bankHolidayCoverageWarning(new Date('2027-12-31T12:00:00Z'))).toBeNull();
  });

  it('warns at boot, naming the refresh command, once the data ends less than 12 months ahead', () => {
    const warning = bankHolidayCoverageWarning(new Date('2028-01-02T12:00:00Z'));
    expect(warning).toContain('until 2028-12-31');
    expect(warning).toContain('npm run calendar:refresh');
  });

  it('a working-day count that runs past the shipped data is reported, once, however many dates it crosses', () => {
    const log = jest.fn();
    onWorkingDaysBeyondShippedData(log);
    const calendar = new WorkingCalendar();
    calendar.addWorkingDaysToDate('2028-12-20', 5);
    expect(log).not.toHaveBeenCalled();
    calendar.addWorkingDaysToDate('2028-12-28', 10);
    calendar.addWorkingDaysToDate('2029-03-01', 10);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/reached 2029-01-01, past the shipped bank holidays .*npm run calendar:refresh/);
  });

  it('a calendar given its own holidays (a refreshed feed) is not reported', () => {
    const log = jest.fn();
    onWorkingDaysBeyondShippedData(log);
    new WorkingCalendar(new Set(['2029-01-01'])).addWorkingDaysToDate('2029-03-01', 10);
    expect(log).not.toHaveBeenCalled();
  });
});
