import { Inject, Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { type RpcMeta, type SurveyLink } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import { invitationOrThrow } from './open-survey';
import { issuedSurveyToken, surveyLink } from './survey-token';
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
    if (meta.actorType !== 'system') throw ProblemError.forbidden('Survey links are made only for the email that carries them.');
    const { organisationId } = meta;
    const invitation = await this.db.forTenant(organisationId, (tx) => invitationOrThrow(this.surveys, tx, organisationId, surveyId, this.clock.now()));
    const stored = await this.surveys.findTokenOf(organisationId, invitation.id);
    const token = stored ? issuedSurveyToken(this.options.tokenKeys, invitation.id, stored.tokenSha256) : undefined;
    // With the issuing key gone from SURVEY_TOKEN_KEYS no key makes the stored token again: such a link would not open, so none is sent.
    if (!token) throw ProblemError.conflict('This survey’s link cannot be made again: the key it was issued under is no longer in SURVEY_TOKEN_KEYS.');
    return { link: surveyLink(this.options.publicUrl, token), expiresAt: invitation.expiresAt.toISOString() };
  }
}
