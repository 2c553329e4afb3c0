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
