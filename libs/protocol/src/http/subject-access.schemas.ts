import { z } from 'zod';
import { checkSubjectAccessFields, SubjectAccessFieldsSchema } from './referral.schemas';

export const SUBJECT_ACCESS_FORMATS = ['json', 'pdf'] as const;

/** The query of GET /v1/subject-access: whose data, and as JSON (the default) or a readable PDF. */
export const SubjectAccessRequestQuerySchema = SubjectAccessFieldsSchema.omit({ referralIds: true })
  .extend({
    format: z.enum(SUBJECT_ACCESS_FORMATS).default('json').describe('json (the default): the export as JSON; pdf: the same data as a readable PDF to send to the person.'),
  })
  .strict()
  .superRefine(checkSubjectAccessFields)
  .describe('Whose data to export (an email, or a name with a postcode), and in which format.');
export type SubjectAccessRequestQuery = z.infer<typeof SubjectAccessRequestQuerySchema>;
