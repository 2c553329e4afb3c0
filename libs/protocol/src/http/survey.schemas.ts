import { z } from 'zod';

/** The link's secret: 43 base64url characters (32 random bytes). */
export const SurveyTokenParamsSchema = z
  .object({
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'is not a survey link token')
      .describe('The token from the survey link.'),
  })
  .describe('Path parameters.');

export const SurveyQuestionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z]*$/)
      .describe('The answer key, e.g. `satisfaction`.'),
    text: z.string().describe('The question as the party reads it.'),
    kind: z.enum(['scale', 'yes-no', 'text']).describe('`scale`: a whole number from `min` to `max`; `yes-no`: true or false; `text`: free text.'),
    required: z.boolean().describe('Whether an answer is needed.'),
    min: z.number().int().optional().describe('The lowest value of a scale.'),
    max: z.number().int().optional().describe('The highest value of a scale, or the longest text.'),
    labels: z.record(z.string(), z.string()).optional().describe('What the ends of a scale mean, e.g. `{"1": "Very dissatisfied", "5": "Very satisfied"}`.'),
  })
  .describe('One survey question.');
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const SurveyViewSchema = z
  .object({
    title: z.string().describe('What the survey is about; it names the service, never the case.'),
    questions: z.array(SurveyQuestionSchema).describe('The questions, in order.'),
    expiresAt: z.iso.datetime({ offset: true }).describe('When the link stops working.'),
  })
  .describe('A satisfaction survey, as the party sees it.');
export type SurveyView = z.infer<typeof SurveyViewSchema>;

export const SurveyAnswerValueSchema = z
  .union([z.number().int(), z.boolean(), z.string().max(4000)])
  .describe('A number for a scale, true/false for yes-no, text for free text.');

export const SurveyAnswerBodySchema = z
  .object({
    answers: z
      .record(z.string().max(64), SurveyAnswerValueSchema)
      .describe('The answers keyed by question key, e.g. `{"satisfaction": 5, "wouldRecommend": true, "feltHeard": true, "comments": "…"}`.'),
  })
  .strict()
  .describe('The answers to a survey; a survey can be answered once.');
export type SurveyAnswerBody = z.infer<typeof SurveyAnswerBodySchema>;

export const SurveyAnsweredSchema = z
  .object({ receivedAt: z.iso.datetime({ offset: true }).describe('When the answers were stored.') })
  .describe('Thanks: the answers were stored.');

export const SurveyResponseViewSchema = z
  .object({
    surveyId: z.uuid().describe('The survey invitation.'),
    partyRole: z.string().describe('The role of the party who answered.'),
    partyName: z.string().describe('The party who answered.'),
    answers: z.record(z.string(), SurveyAnswerValueSchema).describe('The answers keyed by question key.'),
    respondedAt: z.iso.datetime({ offset: true }).describe('When they answered.'),
  })
  .describe('One party’s answers to the satisfaction survey.');
export type SurveyResponseView = z.infer<typeof SurveyResponseViewSchema>;

export const SurveyInvitationViewSchema = z
  .object({
    surveyId: z.uuid().describe('The survey invitation.'),
    partyRole: z.string().describe('The role of the party invited.'),
    partyName: z.string().describe('The party invited.'),
    issuedAt: z.iso.datetime({ offset: true }).describe('When the link was sent.'),
    expiresAt: z.iso.datetime({ offset: true }).describe('When the link stops working.'),
    respondedAt: z.iso.datetime({ offset: true }).nullable().describe('When they answered, if they have.'),
  })
  .describe('A survey invitation sent to a party.');

export const SurveyResponseListSchema = z
  .object({
    questions: z.array(SurveyQuestionSchema).describe('The questions the answers refer to.'),
    invitations: z.array(SurveyInvitationViewSchema).describe('Every invitation sent for the case, answered or not.'),
    items: z.array(SurveyResponseViewSchema).describe('The answers received, oldest first.'),
  })
  .describe('The satisfaction survey of a case: who was asked and what they answered.');
export type SurveyResponseList = z.infer<typeof SurveyResponseListSchema>;

export const SurveyLinkRequestSchema = z
  .object({ surveyId: z.uuid().describe('The survey invitation.') })
  .strict()
  .describe('Which invitation’s link notify is about to email.');

export const SurveyLinkSchema = z
  .object({
    link: z.url().describe('The working link with its token; it goes only into the email, never onto an event or into storage.'),
    expiresAt: z.iso.datetime({ offset: true }).describe('When the link stops working.'),
  })
  .describe('A survey invitation’s link, made when the email is sent.');
export type SurveyLink = z.infer<typeof SurveyLinkSchema>;
