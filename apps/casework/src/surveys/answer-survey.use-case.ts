import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { SurveyAnsweredV1, SurveyQuestionSchema } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { answeredSurvey, findOpenSurvey, invitationOrThrow } from './open-survey';
import { checkSurveyAnswers, type SurveyAnswers } from './survey-answers';
import { SurveyRepository } from './survey.repository';

/** Stores a party's answers, once, and says so with the scores: a second answer is 409, an expired link 410, an unknown one 404. */
@Injectable()
export class AnswerSurveyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly surveys: SurveyRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(token: string, answers: SurveyAnswers): Promise<{ receivedAt: string }> {
    const { organisationId, surveyId } = await findOpenSurvey(this.surveys, token);
    const now = this.clock.now();
    return this.db.forTenant(organisationId, async (tx) => {
      const invitation = await invitationOrThrow(this.surveys, tx, organisationId, surveyId, now);
      const { errors, clean } = checkSurveyAnswers(SurveyQuestionSchema.array().parse(invitation.questions), answers);
      if (errors.length > 0) throw ProblemError.validation(errors);
      if (!(await this.surveys.respondOnce(tx, invitation, clean, now))) throw answeredSurvey();
      await this.events.append(tx, {
        definition: SurveyAnsweredV1,
        data: {
          caseId: invitation.caseId,
          contractId: invitation.contractId,
          invitationId: invitation.id,
          answeredAt: now.toISOString(),
          ...answeredFigures(clean),
        },
        // Filed under the invitation, as its issue was (sequence 1): an invitation is answered once.
        subject: invitation.id,
        organisationId,
        contractId: invitation.contractId,
        sequence: 2,
        correlationId: `survey:${invitation.id}`,
      });
      return { receivedAt: now.toISOString() };
    });
  }
}

/** Scores and yes/no answers travel; free text stays in casework, as it may name people. */
function answeredFigures(answers: SurveyAnswers): { scores: Record<string, number>; flags: Record<string, boolean> } {
  const scores: Record<string, number> = {};
  const flags: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'number') scores[key] = value;
    else if (typeof value === 'boolean') flags[key] = value;
  }
  return { scores, flags };
}
