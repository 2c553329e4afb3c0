import type { OrganisationProfile } from '@mediation/protocol';

const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** One line: a header must not carry a line break from the data. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

function londonParts(iso: string | Date): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = dateTime.formatToParts(new Date(iso));
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** "Tuesday 1 June 2027, 09:00" in London, whatever the server's zone. */
export function londonDateTime(iso: string | Date): string {
  const get = londonParts(iso);
  return `${londonDay(iso)}, ${get('hour')}:${get('minute')}`;
}

/** "Tuesday 1 June 2027": the London day a time falls on (a due time at the end of a day included). */
export function londonDay(iso: string | Date): string {
  const get = londonParts(iso);
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** How every email ends: signed by the organisation, by the name (and address) of its profile. */
export function signOff(organisation: OrganisationProfile): string[] {
  return ['', 'Kind regards,', organisation.name, ...(organisation.address ?? []), ''];
}
