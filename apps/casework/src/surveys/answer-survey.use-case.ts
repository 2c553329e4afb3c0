import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { SurveyQuestionSchema } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { answeredSurvey, findOpenSurvey, invitationOrThrow } from './open-survey';
import { checkSurveyAnswers, type SurveyAnswers } from './survey-answers';
import { SurveyRepository } from './survey.repository';

/** Stores a party's answers, once: a second answer is 409, an expired link 410, an unknown one 404. */
@Injectable()
export class AnswerSurveyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly surveys: SurveyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string, answers: SurveyAnswers): Promise<{ receivedAt: string }> {
    const { organisationId, surveyId } = await findOpenSurvey(this.surveys, token);
    const now = this.clock.now();
    return this.db.run(
      async (tx) => {
        const invitation = await invitationOrThrow(this.surveys, tx, organisationId, surveyId, now);
        const { errors, clean } = checkSurveyAnswers(SurveyQuestionSchema.array().parse(invitation.questions), answers);
        if (errors.length > 0) throw ProblemError.validation(errors);
        if (!(await this.surveys.respondOnce(tx, invitation, clean, now))) throw answeredSurvey();
        return { receivedAt: now.toISOString() };
      },
      { organisationId },
    );
  }
}
