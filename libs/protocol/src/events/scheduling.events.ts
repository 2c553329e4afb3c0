import { z } from 'zod';
import { defineEvent } from './define-event';

const DeadlineFields = {
  deadlineId: z.uuid().describe('The deadline.'),
  caseId: z.uuid().describe('The case the deadline belongs to.'),
  rule: z.string().describe('The deadline rule, e.g. `initial-contact`.'),
  dueAt: z.iso.datetime({ offset: true }).describe('When the deadline falls due.'),
};

export const DeadlineSetV1 = defineEvent({
  type: 'scheduling.deadline.set.v1',
  description: 'A deadline was set on a case from one of its contract rules.',
  schema: z
    .object({
      ...DeadlineFields,
      basis: z.string().describe('The legal or contractual basis of the rule.'),
      startedAt: z.iso.datetime({ offset: true }).describe('When the clock started.'),
      label: z.string().optional().describe('The rule as people read it.'),
      kind: z.enum(['provider', 'informational']).optional().describe('`provider` clocks can be breached; `informational` ones (e.g. the family’s appeal deadline) never are.'),
    })
    .describe('scheduling.deadline.set.v1 data'),
});

export const DeadlineBreachedV1 = defineEvent({
  type: 'scheduling.deadline.breached.v1',
  description: 'A deadline passed without being met.',
  schema: z
    .object({ ...DeadlineFields, breachedAt: z.iso.datetime({ offset: true }).describe('When the breach was recorded.') })
    .describe('scheduling.deadline.breached.v1 data'),
});

const Recipients = z.array(z.object({ name: z.string().describe('Name.'), email: z.email().describe('Address.') }).describe('A recipient.')).describe('Who is reminded: the staff assigned to the case, and the parties where the template says so.');

export const DeadlineDueSoonV1 = defineEvent({
  type: 'scheduling.deadline.due-soon.v1',
  description: 'A reminder point of a pending deadline was reached; notify reminds the recipients.',
  schema: z
    .object({ ...DeadlineFields, label: z.string().describe('The rule as people read it.'), reference: z.string().describe('The case reference.'), remindedAt: z.iso.datetime({ offset: true }).describe('When the reminder fired.'), recipients: Recipients })
    .describe('scheduling.deadline.due-soon.v1 data'),
});

export const DeadlineMetV1 = defineEvent({
  type: 'scheduling.deadline.met.v1',
  description: 'The stop event of a deadline happened; `late` says whether it was after the due time.',
  schema: z
    .object({ ...DeadlineFields, metAt: z.iso.datetime({ offset: true }).describe('When the stop event happened.'), late: z.boolean().describe('True when met after the due time (the deadline had been breached).') })
    .describe('scheduling.deadline.met.v1 data'),
});

export const DeadlineRescheduledV1 = defineEvent({
  type: 'scheduling.deadline.rescheduled.v1',
  description: 'A pending deadline moved because a date it counts to or from changed.',
  schema: z
    .object({ ...DeadlineFields, previousDueAt: z.iso.datetime({ offset: true }).describe('When it was due before.'), reason: z.string().describe('What changed, e.g. `hearingDate`.') })
    .describe('scheduling.deadline.rescheduled.v1 data'),
});
