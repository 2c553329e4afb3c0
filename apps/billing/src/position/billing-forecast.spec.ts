import { forecastYearEnd } from './billing-forecast';

describe('the forecast to the end of the contract year', () => {
  it('runs the rate so far over the days left, grown by the assumption', () => {
    // 91 days gone at £480 a day (£43,680): 274 days left at £480 = £131,520, so £175,200; +50% growth on the rest: £240,960.
    expect(forecastYearEnd(4_368_000, 91, 365, 0)).toEqual({
      growthPercent: 0,
      runRatePencePerDay: 48_000,
      yearEndPence: 17_520_000,
      daysElapsed: 91,
      daysInYear: 365,
    });
    expect(forecastYearEnd(4_368_000, 91, 365, 50).yearEndPence).toBe(24_096_000);
    expect(forecastYearEnd(0, 1, 365, 10).yearEndPence).toBe(0);
  });
});
