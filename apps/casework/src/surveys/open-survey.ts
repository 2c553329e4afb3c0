import { ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { surveyTokenHash } from './survey-token';
import type { SurveyInvitationRecord, SurveyRepository } from './survey.repository';

/** The same answer for a token that never existed and one of another tenant: the link reveals nothing. */
export const unknownSurvey = () =>
  new ProblemError({ type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: 'There is no survey behind this link.' });
export const expiredSurvey = () =>
  new ProblemError({ type: 'https://mediation.example/problems/gone', title: 'Gone', status: 410, detail: 'This survey link has expired.' });
export const answeredSurvey = () => ProblemError.conflict('This survey has already been answered. Thank you.');

/** The tenant a token belongs to, then its invitation in that tenant's transaction; refused when expired or answered. */
export async function findOpenSurvey(surveys: SurveyRepository, token: string): Promise<{ organisationId: string; surveyId: string }> {
  const found = await surveys.findToken(surveyTokenHash(token));
  if (!found) throw unknownSurvey();
  return { organisationId: found.organisationId, surveyId: found.surveyId };
}

export async function invitationOrThrow(
  surveys: SurveyRepository,
  tx: CaseworkTx,
  organisationId: string,
  surveyId: string,
  now: Date,
): Promise<SurveyInvitationRecord> {
  const invitation = await surveys.findInvitation(tx, organisationId, surveyId);
  if (!invitation) throw unknownSurvey();
  if (invitation.respondedAt) throw answeredSurvey();
  if (invitation.expiresAt.getTime() <= now.getTime()) throw expiredSurvey();
  return invitation;
}
