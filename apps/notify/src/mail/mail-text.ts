import type { OrganisationProfile } from '@mediation/protocol';

/** One line: a header must not carry a line break from the data. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** How every email ends: signed by the organisation, by the name (and address) of its profile. */
export function signOff(organisation: OrganisationProfile): string[] {
  return ['', 'Kind regards,', organisation.name, ...(organisation.address ?? []), ''];
}
