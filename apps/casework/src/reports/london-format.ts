const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** "Tuesday 1 June 2027, 09:00", London time whatever the server's zone. */
export function londonDateTime(at: Date): string {
  const p = dateTime.formatToParts(at);
  return `${part(p, 'weekday')} ${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')}, ${part(p, 'hour')}:${part(p, 'minute')}`;
}

/** "Tuesday 1 June 2027". */
export function londonDay(at: Date): string {
  const p = dateOnly.formatToParts(at);
  return `${part(p, 'weekday')} ${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')}`;
}

/** "1 Jun 2027, 09:00": for table cells, where the long form would wrap. */
export function londonShort(at: Date): string {
  const p = shortDateTime.formatToParts(at);
  return `${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')}, ${part(p, 'hour')}:${part(p, 'minute')}`;
}
