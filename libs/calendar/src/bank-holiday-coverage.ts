import { SHIPPED_BANK_HOLIDAYS_UNTIL } from './bank-holidays';
import { addMonthsToDate, londonDate } from './london-time';

/** The feed lists whole years, so the shipped data covers every day to the end of its last holiday's year. */
export const SHIPPED_BANK_HOLIDAYS_COVER_UNTIL = `${SHIPPED_BANK_HOLIDAYS_UNTIL.slice(0, 4)}-12-31`;

const REFRESH = 'run `npm run calendar:refresh -- <file>` with GOV.UK’s bank-holidays.json and ship a release';

/** A warning for the boot log when the shipped bank holidays end less than 12 months after `now`, else null. */
export function bankHolidayCoverageWarning(now: Date): string | null {
  if (SHIPPED_BANK_HOLIDAYS_COVER_UNTIL >= addMonthsToDate(londonDate(now), 12)) return null;
  return `England and Wales bank holidays are shipped only until ${SHIPPED_BANK_HOLIDAYS_COVER_UNTIL}, less than 12 months ahead: working days after it count bank holidays as working days; ${REFRESH}.`;
}

let listener: (message: string) => void = (message) => console.warn(message);
let warned = false;

/** Where the one warning goes when a working-day computation runs past the shipped data (a service passes its logger); registering re-arms it. */
export function onWorkingDaysBeyondShippedData(log: (message: string) => void): void {
  listener = log;
  warned = false;
}

/** Called by the working calendar for a date past the shipped data: says so once per process, as every later date would say the same. */
export function noteDateBeyondShippedData(date: string): void {
  if (warned) return;
  warned = true;
  listener(
    `A working-day computation reached ${date}, past the shipped bank holidays (until ${SHIPPED_BANK_HOLIDAYS_COVER_UNTIL}): bank holidays after that are not known and count as working days; ${REFRESH}.`,
  );
}

/** At a service's boot: warns when the shipped data ends within 12 months, and sends the past-the-data warning to the service's log. */
export function watchBankHolidayData(log: { warn(message: string): void }, now: Date = new Date()): void {
  const warning = bankHolidayCoverageWarning(now);
  if (warning) log.warn(warning);
  onWorkingDaysBeyondShippedData((message) => log.warn(message));
}
