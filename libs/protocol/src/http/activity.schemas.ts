import { z } from 'zod';
import { KeySchema } from '../contracts/basis.schema';
import { ReferralFormSchema } from '../contracts/form.schema';

/** Work a contract pays for that is not a case: a workshop, a drop-in, a training session, a local authority onboarding meeting. */
export const RecordActivityBodySchema = z
  .object({
    serviceLine: KeySchema.describe('The service line of the contract it is delivered under, e.g. `pre-cmh`.'),
    activityType: KeySchema.describe(
      'A session type of that line, e.g. `workshop` or `drop-in` (seed 002’s pre-CMH line); its `heldMilestone` is the event the KPIs count.',
    ),
    deliveredAt: z.iso.datetime({ offset: true }).describe('When it took place (not in the future).'),
    place: z.string().trim().min(1).max(300).describe('Where, or `online`.'),
    facilitatorIds: z
      .array(z.uuid())
      .min(1)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a value' })
      .describe('The staff who ran it.'),
    servedOrganisation: z.string().trim().min(1).max(200).describe('The local authority or organisation it served, e.g. "Kent County Council".'),
    attendance: z
      .array(
        z
          .object({
            attendeeType: KeySchema.describe('Who, e.g. `social-worker`, `cafcass-guardian`, `la-legal`.'),
            count: z.number().int().min(0).max(10_000).describe('How many attended.'),
          })
          .strict()
          .describe('Attendance of one kind of attendee.'),
      )
      .min(1)
      .max(30)
      .refine((rows) => new Set(rows.map((r) => r.attendeeType)).size === rows.length, { message: 'must name each attendee type once' })
      .describe('Counts by attendee type.'),
    namedAttendees: z
      .array(z.string().trim().min(1).max(200))
      .max(200)
      .default([])
      .describe('Attendees by name, only where each consented to being recorded (`namesConsented` must then be true).'),
    namesConsented: z.boolean().default(false).describe('Whether the named attendees agreed to their names being recorded.'),
    answers: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('The answers to the activity type’s form, by field key (PUT …/activity-types/{type}/form defines it); none when it has no form.'),
  })
  .strict()
  .refine((a) => a.namedAttendees.length === 0 || a.namesConsented, {
    message: 'names are recorded only with consent (namesConsented: true)',
    path: ['namedAttendees'],
  })
  .describe('A programme activity delivered under a contract, outside any case.');
export type RecordActivityBody = z.infer<typeof RecordActivityBodySchema>;

export const ActivityViewSchema = z
  .object({
    id: z.uuid().describe('The activity.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    activityType: z.string().describe('The session type key.'),
    activityLabel: z.string().describe('The type as people read it.'),
    milestone: z.string().nullable().describe('The milestone it counts as, e.g. `workshop.delivered`.'),
    deliveredAt: z.iso.datetime({ offset: true }).describe('When it took place.'),
    place: z.string().describe('Where.'),
    facilitatorIds: z.array(z.uuid()).describe('The staff who ran it.'),
    servedOrganisation: z.string().describe('The local authority or organisation served.'),
    attendance: z.array(z.object({ attendeeType: z.string(), count: z.number().int() }).describe('One kind of attendee.')).describe('Counts by attendee type.'),
    totalAttendees: z.number().int().describe('Everyone who attended.'),
    namedAttendees: z.array(z.string()).describe('Named attendees (with consent).'),
    answers: z.record(z.string(), z.unknown()).describe('The answers to the activity type’s form.'),
    recordedAt: z.iso.datetime({ offset: true }).describe('When it was recorded.'),
  })
  .describe('A programme activity.');
export type ActivityView = z.infer<typeof ActivityViewSchema>;

/** The fields an activity type of a line asks: per-contract data beside the contract's definition (which rides in the pinned intake.contract.published.v2). */
export const ActivityFormBodySchema = z
  .object({
    fields: ReferralFormSchema.shape.fields.describe('The questions, as a referral form’s fields (text, number, select, date…, required or not).'),
  })
  .strict()
  .describe('The form an activity type asks when an activity of it is recorded.');
export type ActivityFormBody = z.infer<typeof ActivityFormBodySchema>;

export const ActivityFormViewSchema = ActivityFormBodySchema.extend({
  contractId: z.uuid().describe('The contract.'),
  serviceLine: z.string().describe('The service line.'),
  activityType: z.string().describe('The session type key of the line, e.g. `workshop`.'),
  updatedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was last set; null when the type has no form.'),
}).describe('An activity type’s form.');
export type ActivityFormView = z.infer<typeof ActivityFormViewSchema>;

export const ActivityTypeParamsSchema = z
  .object({ id: z.uuid().describe('The contract id.'), line: KeySchema.describe('The service line key.'), type: KeySchema.describe('The activity type key.') })
  .describe('Path parameters.');
