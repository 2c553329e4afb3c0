import { z } from 'zod';
import { PartyRoleSchema } from '../events/intake.events';

const iso = () => z.iso.datetime({ offset: true });

export const CONTACT_CHANNELS = ['email', 'phone', 'letter', 'sms'] as const;

export const ContactPreferencesSchema = z
  .object({
    channels: z
      .array(z.enum(CONTACT_CHANNELS).describe('A way to reach them: email, phone, letter or sms.'))
      .min(1)
      .max(4)
      .describe('The ways they agree to be contacted, preferred first.'),
    times: z.string().trim().max(200).optional().describe('When to reach them, in words, e.g. "weekday evenings after 6pm".'),
  })
  .strict()
  .describe('How and when a party wants to be contacted.');

const PartyFields = {
  role: PartyRoleSchema,
  name: z.string().trim().min(1).max(200).describe('Their name.'),
  email: z.email().max(320).nullable().optional().describe('Their email address.'),
  phone: z.string().trim().max(40).nullable().optional().describe('Their telephone number.'),
  address: z.string().trim().max(500).nullable().optional().describe('Their postal address, for letters.'),
  contactPreferences: ContactPreferencesSchema.nullable().optional(),
  accessibilityNeeds: z
    .string()
    .trim()
    .max(4000)
    .nullable()
    .optional()
    .describe('Access or communication needs (health or disability: special-category data, encrypted at rest; reading it is audited).'),
  interpreterLanguage: z.string().trim().max(100).nullable().optional().describe('The language an interpreter is needed for, if any.'),
};

export const AddPartyBodySchema = z.object(PartyFields).strict().describe('A party to add to a case.');
export type AddPartyBody = z.infer<typeof AddPartyBodySchema>;

export const UpdatePartyBodySchema = z
  .object(PartyFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field', path: ['(body)'] })
  .describe('The fields of a party to change; null clears an optional one.');
export type UpdatePartyBody = z.infer<typeof UpdatePartyBodySchema>;

export const PartyViewSchema = z
  .object({
    id: z.uuid().describe('The party id.'),
    caseId: z.uuid().describe('The case.'),
    role: PartyRoleSchema,
    name: z.string().describe('Their name.'),
    email: z.string().nullable().describe('Their email address.'),
    phone: z.string().nullable().describe('Their telephone number.'),
    address: z.string().nullable().describe('Their postal address.'),
    contactPreferences: ContactPreferencesSchema.nullable(),
    interpreterLanguage: z.string().nullable().describe('Interpreter language, if one is needed.'),
    hasAccessibilityNeeds: z.boolean().describe('Whether access needs are recorded (read them with the sensitive parties route).'),
    accessibilityNeeds: z.string().nullable().optional().describe('The access needs, only on the audited sensitive read.'),
    source: z.enum(['referral', 'manual']).describe('Copied from the referral, or added on the case.'),
    createdAt: iso().describe('When it was recorded.'),
  })
  .describe('A party to a case.');
export type PartyView = z.infer<typeof PartyViewSchema>;
export const PartyListSchema = z.object({ items: z.array(PartyViewSchema).describe('The parties.') }).describe('Parties of a case.');

export const ASSIGNMENT_ROLES = ['case-manager', 'mediator', 'professional-witness'] as const;
export const AssignmentRoleSchema = z.enum(ASSIGNMENT_ROLES).describe('What they do on the case: case-manager, mediator or professional-witness.');

export const AssignBodySchema = z
  .object({ staffId: z.uuid().describe('The member of staff (a scheduling staff profile).'), role: AssignmentRoleSchema })
  .strict()
  .describe('Assign a member of staff to a case.');
export type AssignBody = z.infer<typeof AssignBodySchema>;

/** What casework stores: the gateway looks the staff profile up and passes name and email on. */
export const AssignStaffRequestSchema = AssignBodySchema.extend({
  caseId: z.uuid().describe('The case.'),
  name: z.string().trim().min(1).max(200).describe('Their name, from the staff profile.'),
  email: z.email().describe('Their email, from the staff profile.'),
}).describe('Assign a member of staff, with their profile.');

export const AssignmentViewSchema = z
  .object({
    id: z.uuid().describe('The assignment id.'),
    caseId: z.uuid().describe('The case.'),
    staffId: z.uuid().describe('The member of staff.'),
    role: AssignmentRoleSchema,
    name: z.string().describe('Their name.'),
    email: z.string().describe('Their email.'),
    assignedAt: iso().describe('When.'),
    endedAt: iso().nullable().describe('When they came off the case; null while assigned.'),
  })
  .describe('A member of staff on a case.');
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;
export const AssignmentListSchema = z
  .object({ items: z.array(AssignmentViewSchema).describe('The assignments, current and ended.') })
  .describe('Assignments of a case.');

export const CaseChildParamsSchema = z
  .object({ id: z.uuid().describe('The case id.'), childId: z.uuid().describe('The id of the party, assignment, task, complaint or involvement.') })
  .describe('Path parameters.');

export const CaseworkPersonExportSchema = z
  .object({
    cases: z
      .array(
        z
          .object({
            caseId: z.uuid().describe('The case.'),
            reference: z.string().describe('Its reference.'),
            contractId: z.uuid().describe('The contract.'),
            serviceLine: z.string().describe('The service line.'),
            status: z.string().describe('Where it stands.'),
            capacity: z.array(z.enum(['party', 'referrer', 'staff'])).describe('How the person appears in it.'),
            openedAt: iso().describe('When it opened.'),
            closedAt: iso().nullable().describe('When it last closed.'),
            outcome: z.string().nullable().describe('Its outcome.'),
            parties: z.array(PartyViewSchema).describe('Their own party records, access needs included (they are entitled to them).'),
            communications: z
              .array(
                z
                  .object({
                    id: z.uuid().describe('Entry.'),
                    direction: z.string().describe('In or out.'),
                    channel: z.string().describe('How.'),
                    counterpart: z.string().describe('With whom.'),
                    subject: z.string().nullable().describe('Subject.'),
                    summary: z.string().nullable().describe('Summary.'),
                    occurredAt: iso().describe('When.'),
                  })
                  .describe('A communication with them.'),
              )
              .describe('Communications with them.'),
            complaints: z
              .array(
                z
                  .object({
                    id: z.uuid().describe('Complaint.'),
                    status: z.string().describe('Status.'),
                    summary: z.string().describe('What it was about.'),
                    receivedAt: iso().describe('Received.'),
                    resolution: z.string().nullable().describe('Resolution.'),
                  })
                  .describe('A complaint they made.'),
              )
              .describe('Complaints they made.'),
            reminders: z
              .array(
                z
                  .object({
                    id: z.uuid().describe('The reminder.'),
                    partyId: z.uuid().describe('Which of their party records it was issued to.'),
                    deadlineId: z.uuid().describe('The deadline it was about.'),
                    rule: z.string().nullable().describe('The deadline rule, e.g. `appeal-deadline`; null on reminders issued before it was kept.'),
                    label: z.string().nullable().describe('The deadline as they read it; null on reminders issued before it was kept.'),
                    dueAt: iso().nullable().describe('When the deadline fell due as they were told; null on reminders issued before it was kept.'),
                    issuedAt: iso().describe('When the reminder was issued to them (notify emails it; the email itself is in communications).'),
                  })
                  .describe('A deadline reminder issued to them.'),
              )
              .describe('Deadline reminders issued to their party records, oldest first.'),
          })
          .describe('A case the person appears in.'),
      )
      .describe('Cases naming the person. Case notes are not included: they mix in other people’s data and are reviewed by hand before disclosure.'),
  })
  .describe('What casework holds about one person.');
export type CaseworkPersonExport = z.infer<typeof CaseworkPersonExportSchema>;
