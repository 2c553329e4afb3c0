import { londonDateTime } from '@mediation/documents';
import type { EventData, PartyReminderIssuedV1 } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const PARTY_REMINDER = 'party-reminder';

type Reminder = EventData<typeof PartyReminderIssuedV1>;

/** "by the end of Friday 4 June 2027", or "by 17:00 on Friday 4 June 2027" when the day has a cut-off. */
export function byWhen(iso: string): string {
  const [day, time] = londonDateTime(iso).split(', ');
  return time === '23:59' ? `by the end of ${day}` : `by ${time} on ${day}`;
}

/**
 * A reminder to a party of a date on their case: what it is, when, the reference to quote and whom to
 * ask. The subject line names only the case reference, as it shows where the body does not.
 */
export function partyReminder(reminder: Reminder): { subjectLine: string; body: string } {
  const reference = oneLine(reminder.reference);
  const contact = reminder.contact ? `${oneLine(reminder.contact.name)} (${oneLine(reminder.contact.email)})` : null;
  const lines = [
    `Dear ${oneLine(reminder.name)},`,
    '',
    `This is a reminder about a date on your case with our mediation service (reference ${reference}):`,
    '',
    `  ${oneLine(reminder.label)}`,
    `  ${byWhen(reminder.dueAt)} (UK time)`,
    '',
    'If this has already been done, or you have decided not to go ahead, you do not need to do anything.',
    '',
    contact
      ? `If you have any questions or would like some help, please contact ${contact}, quoting ${reference}.`
      : `If you have any questions or would like some help, please reply to this email, quoting ${reference}.`,
  ];
  return { subjectLine: `A reminder about a date on your case ${reference}`, body: lines.join('\n') };
}
