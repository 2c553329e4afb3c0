import { z } from 'zod';
import { REMINDER_AUDIENCES } from '../contracts/deadline-rule.schema';
import { PARTY_ROLES } from '../contracts/party-role.schema';
import { defineEvent } from './define-event';
import { ContactSchema } from './event-bases';

const DeadlineFields = {
  deadlineId: z.uuid().describe('The deadline.'),
  caseId: z.uuid().describe('The case the deadline belongs to.'),
  rule: z.string().describe('The deadline rule, e.g. `initial-contact`.'),
  dueAt: z.iso.datetime({ offset: true }).describe('When the deadline falls due.'),
};

export const DeadlineSetV1 = defineEvent({
  type: 'scheduling.deadline.set.v1',
  visibility: 'public',
  description: 'A deadline was set on a case from one of its contract rules.',
  schema: z
    .object({
      ...DeadlineFields,
      basis: z.string().describe('The legal or contractual basis of the rule.'),
      startedAt: z.iso.datetime({ offset: true }).describe('When the clock started.'),
      label: z.string().optional().describe('The rule as people read it.'),
      kind: z
        .enum(['provider', 'informational'])
        .optional()
        .describe('`provider` clocks can be breached; `informational` ones (e.g. the family’s appeal deadline) never are.'),
    })
    .describe('scheduling.deadline.set.v1 data'),
});

export const DeadlineBreachedV1 = defineEvent({
  type: 'scheduling.deadline.breached.v1',
  visibility: 'public',
  description: 'A deadline passed without being met.',
  schema: z
    .object({ ...DeadlineFields, breachedAt: z.iso.datetime({ offset: true }).describe('When the breach was recorded.') })
    .describe('scheduling.deadline.breached.v1 data'),
});

const Recipients = z
  .array(ContactSchema.describe('A recipient.'))
  .describe('The staff assigned to the case whom notify reminds; empty when the reminder is for the parties only (casework reminds those).');

export const DeadlineDueSoonV1 = defineEvent({
  type: 'scheduling.deadline.due-soon.v1',
  visibility: 'internal',
  description:
    'A reminder point of a pending deadline was reached; notify reminds the staff recipients, and casework the parties when the audience includes them.',
  schema: z
    .object({
      ...DeadlineFields,
      label: z.string().describe('The rule as people read it.'),
      reference: z.string().describe('The case reference.'),
      remindedAt: z.iso.datetime({ offset: true }).describe('When the reminder fired.'),
      recipients: Recipients,
      // Added to v1 with defaults, so events published before them still parse and mean what they meant.
      audience: z
        .array(z.enum(REMINDER_AUDIENCES))
        .min(1)
        .default(['assigned-staff'])
        .describe(
          'Who the reminder is for: `assigned-staff` (the recipients) and/or `parties` (the case’s parties with a usable email address); `assigned-staff` when absent.',
        ),
      partyRoles: z.array(z.enum(PARTY_ROLES)).optional().describe('With `parties`: only the parties in these roles; every party when absent.'),
      revision: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('The revision of the deadline the reminder was set for; a moved deadline reminds again under its next revision.'),
      reminder: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('Which of the deadline’s reminders this is (0 for the first), so a repeated event for the same reminder is recognised.'),
    })
    .describe('scheduling.deadline.due-soon.v1 data'),
});

export const DeadlineMetV1 = defineEvent({
  type: 'scheduling.deadline.met.v1',
  visibility: 'public',
  description: 'The stop event of a deadline happened; `late` says whether it was after the due time.',
  schema: z
    .object({
      ...DeadlineFields,
      dueAt: z.iso
        .datetime({ offset: true })
        .nullable()
        .describe('When the deadline fell due; null when it was met while still waiting for the date it counts to or from.'),
      metAt: z.iso.datetime({ offset: true }).describe('When the stop event happened.'),
      late: z.boolean().describe('True when met after the due time (the deadline had been breached).'),
    })
    .describe('scheduling.deadline.met.v1 data'),
});

export const DeadlineRescheduledV1 = defineEvent({
  type: 'scheduling.deadline.rescheduled.v1',
  visibility: 'public',
  description: 'A pending deadline moved because a date it counts to or from changed, or a paused one runs again after the case resumed.',
  schema: z
    .object({
      ...DeadlineFields,
      previousDueAt: z.iso.datetime({ offset: true }).describe('When it was due before.'),
      reason: z.string().describe('What changed, e.g. `hearingDate`, or `resumed after a pause of the case`.'),
      // Added to v1 as optional, so events published before it still parse: absent means a date changed.
      cause: z
        .enum(['dates-changed', 'resumed'])
        .optional()
        .describe(
          '`dates-changed`: a date it counts to or from moved; `resumed`: the case resumed after a pause and the clock runs again with the days it had left. Absent on older events (a date changed).',
        ),
    })
    .describe('scheduling.deadline.rescheduled.v1 data'),
});

export const DeadlineCancelledV1 = defineEvent({
  type: 'scheduling.deadline.cancelled.v1',
  visibility: 'public',
  description: 'An open deadline was cancelled without being met or breached: the case closed or ended, or an event the rule names ended the clock.',
  schema: z
    .object({
      deadlineId: DeadlineFields.deadlineId,
      caseId: DeadlineFields.caseId,
      rule: DeadlineFields.rule,
      kind: z.enum(['provider', 'informational']).describe('`provider` clocks can be breached; `informational` ones never are.'),
      cancelledAt: z.iso.datetime({ offset: true }).describe('When the event that cancelled it happened.'),
      reason: z
        .enum(['case-closed', 'case-ended', 'stopped-by-event'])
        .describe('`case-closed`: the case closed; `case-ended`: it was withdrawn or rejected; `stopped-by-event`: one of the rule’s `cancelEvents` happened.'),
    })
    .describe('scheduling.deadline.cancelled.v1 data'),
});

export const DeadlinePausedV1 = defineEvent({
  type: 'scheduling.deadline.paused.v1',
  visibility: 'public',
  description:
    'A pending pausable deadline stopped because its case was paused; it resumes (scheduling.deadline.rescheduled.v1, cause `resumed`) with the days it had left.',
  schema: z
    .object({
      ...DeadlineFields,
      dueAt: z.iso.datetime({ offset: true }).describe('When it was due before the pause.'),
      pausedAt: z.iso.datetime({ offset: true }).describe('When the case was paused.'),
      remainingDays: z
        .number()
        .int()
        .nonnegative()
        .describe('The days it had left, of the rule’s kind (calendar or working), counted again from the day the case resumes.'),
      dayKind: z.enum(['calendar', 'working']).describe('The kind of those days.'),
    })
    .describe('scheduling.deadline.paused.v1 data'),
});

export const DeadlineBreachCorrectedV1 = defineEvent({
  type: 'scheduling.deadline.breach-corrected.v1',
  visibility: 'public',
  description:
    'A breached deadline was not missed after all: the event that meets or cancels it was recorded late but happened by its due time, so it is now met on time or cancelled; whoever counted the breach takes it back.',
  schema: z
    .object({
      ...DeadlineFields,
      breachedAt: z.iso.datetime({ offset: true }).describe('When the breach had been recorded.'),
      now: z.enum(['met', 'cancelled']).describe('What the deadline is now: `met` (on time) or `cancelled` (neither met nor missed).'),
      occurredAt: z.iso.datetime({ offset: true }).describe('When the event that met or cancelled it happened, on or before the due time.'),
    })
    .describe('scheduling.deadline.breach-corrected.v1 data'),
});
