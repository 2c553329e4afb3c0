import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { inContractScope, SurveyQuestionSchema, SurveyResponseListSchema, type RpcMeta, type SurveyResponseList } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';
import type { SurveyAnswers } from './survey-answers';
import { surveyQuestionsFor } from './survey-questions';
import { SurveyRepository } from './survey.repository';

/** The provider's view of a case's survey: who was asked, and what those who answered said. */
@Injectable()
export class ListSurveyResponsesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly surveys: SurveyRepository,
  ) {}

  async execute(meta: RpcMeta, caseId: string): Promise<SurveyResponseList> {
    const found = await this.db.forTenant(meta, (tx) => this.surveys.caseOf(tx, meta.organisationId, caseId));
    if (!found || !inContractScope(meta, found.contractId)) throw ProblemError.notFound('case', caseId);
    const { invitations, responses } = await this.surveys.listForCase(meta.organisationId, caseId);
    const byId = new Map(invitations.map((i) => [i.id, i]));
    const questions = invitations.length > 0 ? SurveyQuestionSchema.array().parse(invitations.at(-1)!.questions) : surveyQuestionsFor(null);
    return SurveyResponseListSchema.parse({
      questions,
      invitations: invitations.map((i) => ({
        surveyId: i.id,
        partyRole: i.partyRole,
        partyName: i.partyName,
        issuedAt: i.issuedAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
        respondedAt: i.respondedAt?.toISOString() ?? null,
      })),
      items: responses.map((r) => ({
        surveyId: r.surveyId,
        partyRole: byId.get(r.surveyId)?.partyRole ?? 'unknown',
        partyName: byId.get(r.surveyId)?.partyName ?? 'unknown',
        answers: r.answers as SurveyAnswers,
        respondedAt: r.respondedAt.toISOString(),
      })),
    });
  }
}
