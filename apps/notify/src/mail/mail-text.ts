const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** One line: a header must not carry a line break from the data. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** "Tuesday 1 June 2027, 09:00" in London, whatever the server's zone. */
export function londonDateTime(iso: string | Date): string {
  const parts = dateTime.formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

export const SIGN_OFF = ['', 'Kind regards,', 'Mediation Service', ''];
