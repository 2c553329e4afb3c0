// Dates as people read them, in London whatever the server's zone, built from parts because ICU
// versions differ on the comma after the weekday.
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const shortDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(format: Intl.DateTimeFormat, at: Date | string): (type: Intl.DateTimeFormatPartTypes) => string {
  const found = format.formatToParts(new Date(at));
  return (type) => found.find((p) => p.type === type)?.value ?? '';
}

/** "Wednesday 2 June 2027, 17:00". */
export function londonDateTime(at: Date | string): string {
  const get = parts(dateTime, at);
  return `${londonDay(at)}, ${get('hour')}:${get('minute')}`;
}

/** "Wednesday 2 June 2027": the London day an instant falls on (a due time at the end of a day included). */
export function londonDay(at: Date | string): string {
  const get = parts(dateTime, at);
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** "2 Jun 2027, 17:00": for table cells, where the long form would wrap. */
export function londonShort(at: Date | string): string {
  const get = parts(shortDateTime, at);
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

/** "Tuesday 1 December 2026" for a calendar date (YYYY-MM-DD), such as a letter's date, which has no time to shift. */
export function calendarDay(date: string): string {
  return londonDay(new Date(`${date}T12:00:00Z`));
}
