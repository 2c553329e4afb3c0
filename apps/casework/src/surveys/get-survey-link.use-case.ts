import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES, type RpcMeta, type SurveyLink } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { invitationOrThrow } from './open-survey';
import { surveyLink, surveyToken, surveyTokenHash } from './survey-token';
import { SurveyRepository } from './survey.repository';
import { SURVEYS_OPTIONS, type SurveysOptions } from './surveys.options';

/** The link of an open invitation, made again from its id when notify sends the email, so it is never stored or published. */
@Injectable()
export class GetSurveyLinkUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly surveys: SurveyRepository,
    private readonly clock: Clock,
    @Inject(SURVEYS_OPTIONS) private readonly options: SurveysOptions,
  ) {}

  async execute(meta: RpcMeta, surveyId: string): Promise<SurveyLink> {
    // The link is the party's credential: only the platform itself (notify, sending the email) may have it made.
    if (meta.actorType !== 'system') throw new ProblemError({ type: PROBLEM_TYPES.forbidden, title: 'Forbidden', status: 403, detail: 'Survey links are made only for the email that carries them.' });
    const { organisationId } = meta;
    const invitation = await this.db.run((tx) => invitationOrThrow(this.surveys, tx, organisationId, surveyId, this.clock.now()), { organisationId });
    const token = surveyToken(this.options.tokenKey, invitation.id);
    const stored = await this.surveys.findToken(surveyTokenHash(token));
    // A changed SURVEY_TOKEN_KEY derives another token than the one stored: such a link would not open, so none is sent.
    if (!stored || stored.surveyId !== invitation.id || stored.organisationId !== organisationId) throw ProblemError.conflict('This survey’s link cannot be made again: SURVEY_TOKEN_KEY has changed since it was issued.');
    return { link: surveyLink(this.options.publicUrl, token), expiresAt: invitation.expiresAt.toISOString() };
  }
}
