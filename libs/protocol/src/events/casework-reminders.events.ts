import { z } from 'zod';
import { defineEvent } from './define-event';
import { at, CaseEventBase, ContactSchema } from './event-bases';

/**
 * Like casework.survey.issued.v1, it carries one party's name and address to notify: casework owns the
 * parties and their contact preferences, notify only sends.
 */
export const PartyReminderIssuedV1 = defineEvent({
  type: 'casework.party.reminder-issued.v1',
  visibility: 'internal',
  description:
    'A deadline reminder meant for the parties was issued to one party the contact rule lets casework email (contact allowed, role eligible, email among their preferences); notify emails it. Once per deadline, reminder and party.',
  schema: CaseEventBase.extend({
    partyId: z.uuid().describe('The party reminded.'),
    deadlineId: z.uuid().describe('The deadline the reminder is about.'),
    rule: z.string().describe('The deadline rule, e.g. `appeal-deadline`.'),
    label: z.string().describe('The deadline as people read it, e.g. “The family’s deadline to appeal to the SEND Tribunal”.'),
    dueAt: at().describe('When the deadline falls due.'),
    email: z.email().describe('The party’s address.'),
    name: z.string().describe('The party’s name, for the greeting.'),
    reference: z.string().describe('The case reference, to quote when getting in touch.'),
    contact: ContactSchema.nullable().optional().describe('Who at the provider to contact about it: the case manager assigned to the case, when there is one.'),
  }).describe('casework.party.reminder-issued.v1 data'),
});
