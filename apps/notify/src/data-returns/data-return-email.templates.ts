import { calendarDay } from '@mediation/documents';
import type { DataReturnMissingV1, DataReturnReminderDueV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const DATA_RETURN_REMINDER = 'data-return-reminder';
export const DATA_RETURN_MISSING = 'data-return-missing';

type Reminder = EventData<typeof DataReturnReminderDueV1>;
type Missing = EventData<typeof DataReturnMissingV1>;

/** `2026-10` -> `October 2026`. */
export function monthName(period: string): string {
  return new Date(`${period}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** To the authority's contact, before a month's return is due. */
export function dataReturnReminder(r: Reminder & { contact: { name: string } }): { subjectLine: string; body: string } {
  const month = monthName(r.period);
  return {
    subjectLine: `Reminder: ${oneLine(r.name)}’s data return for ${month} is due on ${calendarDay(r.dueOn)}`,
    body: [
      `Dear ${oneLine(r.contact.name)},`,
      '',
      `${oneLine(r.name)}’s data return for ${month} is due on ${calendarDay(r.dueOn)}. We have not received it yet.`,
      '',
      'Please send it by then. If you have sent it in the last day or so, thank you: there is nothing more to do.',
    ].join('\n'),
  };
}

/** To the authority's contact, once a month's return has passed its due day without arriving. */
export function dataReturnMissing(m: Missing & { contact: { name: string } }): { subjectLine: string; body: string } {
  const month = monthName(m.period);
  return {
    subjectLine: `${oneLine(m.name)}’s data return for ${month} has not arrived`,
    body: [
      `Dear ${oneLine(m.contact.name)},`,
      '',
      `${oneLine(m.name)}’s data return for ${month} was due on ${calendarDay(m.dueOn)} and we have not received it.`,
      '',
      'Please send it as soon as you can: it is reported to the programme’s funder as missing until it arrives.',
    ].join('\n'),
  };
}
