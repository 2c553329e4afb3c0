import { z } from 'zod';
import { checkSubjectAccessFields, SubjectAccessFieldsSchema } from './referral.schemas';

export const SUBJECT_ACCESS_FORMATS = ['json', 'pdf'] as const;

/** The query of GET /v1/subject-access: whose data, and as JSON (the default) or a readable PDF. */
export const SubjectAccessRequestQuerySchema = SubjectAccessFieldsSchema.omit({ referralIds: true })
  .extend({
    format: z
      .enum(SUBJECT_ACCESS_FORMATS)
      .default('json')
      .describe('json (the default): the export as JSON; pdf: the same data as a readable PDF to send to the person.'),
  })
  .strict()
  .superRefine(checkSubjectAccessFields)
  .describe('Whose data to export (an email, or a name with a postcode), and in which format.');
export type SubjectAccessRequestQuery = z.infer<typeof SubjectAccessRequestQuerySchema>;

/** Why notify's part of an export asked by name and postcode is empty: it keeps an address per message, never a name or postcode. */
export const NOTIFY_NOT_SEARCHED_BY_NAME =
  'Not searched: notify keeps only the email address each message was sent to, with no name or postcode to find a person by. Ask by email address to include the messages sent to the person.';

export const NotifyPersonExportSchema = z
  .union([
    z
      .object({
        deliveries: z
          .array(
            z
              .object({
                deliveryId: z.uuid().describe('The delivery.'),
                kind: z.string().describe('What it was, e.g. `referral-acknowledgement`.'),
                channel: z.string().describe('How it was sent, e.g. `email`.'),
                status: z
                  .enum(['pending', 'sent', 'failed', 'cancelled'])
                  .describe('`pending` (still being sent), `sent`, `failed` (given up) or `cancelled` (its case or referral was anonymised before it went).'),
                to: z.string().describe('The address it was sent to.'),
                subjectLine: z.string().describe('The email subject line (the body is not exported: it may carry a survey link, a credential).'),
                createdAt: z.iso.datetime({ offset: true }).describe('When it was made.'),
                sentAt: z.iso.datetime({ offset: true }).nullable().describe('When the mail server accepted it; null if it was not sent.'),
                failedAt: z.iso.datetime({ offset: true }).nullable().describe('When notify gave up on it; null unless it failed.'),
                referralId: z.uuid().nullable().describe('The referral it concerned, if any.'),
                caseId: z.uuid().nullable().describe('The case it concerned, if any.'),
              })
              .describe('One message sent (or being sent) to the address.'),
          )
          .describe('The messages notify holds that were sent to the address, oldest first; anonymised ones are no longer found by it.'),
      })
      .strict(),
    z
      .object({ notSearched: z.literal(NOTIFY_NOT_SEARCHED_BY_NAME).describe('Why there is no list: notify cannot find a person by name and postcode.') })
      .strict(),
  ])
  .describe('What notify holds about one person: the messages sent to their email address (asked by name and postcode, a statement that it was not searched).');
export type NotifyPersonExport = z.infer<typeof NotifyPersonExportSchema>;
