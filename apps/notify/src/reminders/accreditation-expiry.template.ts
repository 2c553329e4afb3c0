import { calendarDay } from '@mediation/documents';
import type { AccreditationExpiringV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const ACCREDITATION_EXPIRY = 'accreditation-expiry';

type Expiring = EventData<typeof AccreditationExpiringV1>;

/** Tells a member of staff that a check or accreditation is about to lapse, or has: once lapsed, no case can be allocated to them. */
export function accreditationExpiry(expiring: Expiring): { subjectLine: string; body: string } {
  const label = oneLine(expiring.label);
  const until = calendarDay(expiring.expiresAt);
  const expired = expiring.daysLeft <= 0;
  const lines = [
    `Dear ${oneLine(expiring.name)},`,
    '',
    expired ? `Your ${label} expired on ${until}.` : `Your ${label} expires on ${until}, in ${expiring.daysLeft} day${expiring.daysLeft === 1 ? '' : 's'}.`,
    '',
    expired
      ? 'Until a renewed one is recorded, you cannot be allocated cases or booked for sessions that need it.'
      : 'Please renew it and send the new certificate to your case manager before then: once it lapses you cannot be allocated cases or booked for sessions that need it.',
  ];
  return { subjectLine: expired ? `Your ${label} has expired` : `Your ${label} expires on ${until}`, body: lines.join('\n') };
}
