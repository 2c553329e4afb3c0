import type { KpiPeriod } from '@mediation/protocol';

/** London days, both included; null ends are open (the contract to date). */
export interface DayRange {
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The London days a period covers: `2026-11`, `2026-Q3`, `2026`, or `contract` (all of them). */
export function periodDays(period: KpiPeriod): DayRange {
  if (period === 'contract') return { from: null, to: null };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    const first = (q - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDayOf(year, first + 2))}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return { from: `${period}-01`, to: `${period}-${pad(lastDayOf(year, m))}` };
  }
  return { from: `${period}-01-01`, to: `${period}-12-31` };
}

export const inRange = (day: string, range: DayRange) => (range.from === null || day >= range.from) && (range.to === null || day <= range.to);

/** The month before the one a London day is in, as a period: what the monthly pack of the 1st reports. */
export function previousMonth(day: string): KpiPeriod {
  const [y, m] = day.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
