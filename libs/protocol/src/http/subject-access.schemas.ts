import { z } from 'zod';
import { SubjectAccessQuerySchema } from './referral.schemas';

export const SUBJECT_ACCESS_FORMATS = ['json', 'pdf'] as const;

/** The query of GET /v1/subject-access: whose data, and as JSON (the default) or a readable PDF. */
export const SubjectAccessRequestQuerySchema = SubjectAccessQuerySchema.extend({
  format: z.enum(SUBJECT_ACCESS_FORMATS).default('json').describe('json (the default): the export as JSON; pdf: the same data as a readable PDF to send to the person.'),
})
  .strict()
  .describe('Whose data to export, and in which format.');
export type SubjectAccessRequestQuery = z.infer<typeof SubjectAccessRequestQuerySchema>;
