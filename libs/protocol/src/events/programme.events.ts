import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';
import { defineEvent } from './define-event';
import { at } from './event-bases';

/*
 * A contract's programme outside cases (seed 002's pre-CMH pilot): the local authorities taking part and
 * their monthly data returns. Internal: they carry the authority's name and, for the notices, its contact.
 */

const period = () =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('The month the return covers, YYYY-MM (London).');
const authority = {
  localAuthorityId: z.uuid().describe('The local authority on the contract.'),
  contractId: z.uuid().describe('The contract.'),
  authorityKey: z.string().describe('The authority’s name as a lower-case key (e.g. `kent-county-council`): what activities are counted by.'),
  name: z.string().describe('The authority’s name.'),
};
const contact = () =>
  z
    .object({ name: z.string().describe('Who at the authority.'), email: z.email().describe('Their address.') })
    .describe('The authority’s contact for data returns.');

export const LocalAuthorityOnboardedV1 = defineEvent({
  type: 'scheduling.local-authority.onboarded.v1',
  visibility: 'internal',
  description: 'A local authority joined a contract’s programme; a data return is due from it for every month from `onboardedOn`’s.',
  schema: z.object({ ...authority, onboardedOn: CalendarDateSchema.describe('When it joined.') }).describe('scheduling.local-authority.onboarded.v1 data'),
});

export const DataReturnReceivedV1 = defineEvent({
  type: 'scheduling.data-return.received.v1',
  visibility: 'internal',
  description: 'A local authority’s data return for a month was received; `late` when after its due day. Reporting counts it (`data-return.received`).',
  schema: z
    .object({
      ...authority,
      period: period(),
      dueOn: CalendarDateSchema.describe('Its due day by the contract’s rule.'),
      receivedOn: CalendarDateSchema.describe('When it arrived.'),
      late: z.boolean().describe('Whether it arrived after the due day.'),
    })
    .describe('scheduling.data-return.received.v1 data'),
});

export const DataReturnReminderDueV1 = defineEvent({
  type: 'scheduling.data-return.reminder-due.v1',
  visibility: 'internal',
  description: 'A month’s data return not yet received is due soon: notify emails the authority’s contact (once per authority and month).',
  schema: z
    .object({ ...authority, period: period(), dueOn: CalendarDateSchema.describe('When it is due.'), contact: contact() })
    .describe('scheduling.data-return.reminder-due.v1 data'),
});

export const DataReturnMissingV1 = defineEvent({
  type: 'scheduling.data-return.missing.v1',
  visibility: 'internal',
  description:
    'A month’s data return was not received by its due day (once per authority and month). Reporting counts it missing; notify emails the contact, unless `contact` is null (a month due before the authority was added to the platform: nobody is chased for it).',
  schema: z
    .object({
      ...authority,
      period: period(),
      dueOn: CalendarDateSchema.describe('The due day that passed.'),
      missingAt: at().describe('When it was found missing.'),
      contact: contact().nullable(),
    })
    .describe('scheduling.data-return.missing.v1 data'),
});
