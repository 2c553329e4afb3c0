/** Every date and time a person reads is London's, with the day name (issue #18: "always in London time"). */
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });

/** `Monday 7 December 2026`. */
export function londonDay(iso: string | Date): string {
  return DAY.format(new Date(iso)).replace(',', '');
}

/** `Monday 7 December 2026 at 5:00pm`; 11:59pm reads as the end of the day, as the deadline engine means it. */
export function londonDateTime(iso: string | Date): string {
  const time = TIME.format(new Date(iso)).replace(' ', '').toLowerCase();
  return `${londonDay(iso)} at ${time === '11:59pm' ? 'end of day' : time}`;
}

/** A date typed as YYYY-MM-DD (a form date, London's own day) with its day name. */
export function londonCalendarDay(date: string): string {
  return londonDay(`${date}T12:00:00Z`);
}

/** An API message naming an instant (`2026-12-27T10:00:00.000Z`) as a person reads it: London time with the day name. */
export function londonInText(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) => londonDateTime(iso));
}
