/**
 * Spend to the end of the contract year: what is spent, plus the run rate so far (per day, today
 * included) over the days left, grown by the assumption (seed 004: volumes grew from 111 to 330 a year).
 */
export function forecastYearEnd(spentPence: number, daysElapsed: number, daysInYear: number, growthPercent: number) {
  const runRatePencePerDay = daysElapsed > 0 ? spentPence / daysElapsed : 0;
  const daysLeft = Math.max(0, daysInYear - daysElapsed);
  const yearEndPence = spentPence + Math.round(runRatePencePerDay * daysLeft * (1 + growthPercent / 100));
  return { growthPercent, runRatePencePerDay: Math.round(runRatePencePerDay * 100) / 100, yearEndPence, daysElapsed, daysInYear };
}
