import { londonDateTime } from '@mediation/documents';
import type { DeadlineDueSoonV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const DEADLINE_REMINDER = 'deadline-reminder';

type DueSoon = EventData<typeof DeadlineDueSoonV1>;

/** A reminder that a contract deadline on a case is coming up. */
export function deadlineReminder(due: DueSoon, recipient: { name: string }): { subjectLine: string; body: string } {
  const reference = oneLine(due.reference);
  const label = oneLine(due.label);
  const lines = [
    `Dear ${oneLine(recipient.name)},`,
    '',
    `A deadline on case ${reference} is coming up:`,
    '',
    `  ${label}`,
    `  Due by ${londonDateTime(due.dueAt)} (UK time)`,
    '',
    'Please make sure it is met, or record why it cannot be, before then. Missed deadlines are reported to the buyer against the contract.',
  ];
  return { subjectLine: `Reminder: ${label} on ${reference} is due ${londonDateTime(due.dueAt)}`, body: lines.join('\n') };
}
