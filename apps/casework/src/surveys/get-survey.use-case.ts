import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { SurveyQuestionSchema, type SurveyView } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { findOpenSurvey, invitationOrThrow } from './open-survey';
import { SurveyRepository } from './survey.repository';

/** The questions behind a link; nothing about the case. */
@Injectable()
export class GetSurveyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly surveys: SurveyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<SurveyView> {
    const { organisationId, surveyId } = await findOpenSurvey(this.surveys, token);
    const invitation = await this.db.forTenant(organisationId, (tx) => invitationOrThrow(this.surveys, tx, organisationId, surveyId, this.clock.now()));
    return { title: invitation.title, questions: SurveyQuestionSchema.array().parse(invitation.questions), expiresAt: invitation.expiresAt.toISOString() };
  }
}
