import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AnswerSurveyUseCase } from './answer-survey.use-case';
import { GetSurveyLinkUseCase } from './get-survey-link.use-case';
import { GetSurveyUseCase } from './get-survey.use-case';
import { ListSurveyResponsesUseCase } from './list-survey-responses.use-case';

@Controller()
export class SurveyRpcController {
  constructor(
    private readonly getSurvey: GetSurveyUseCase,
    private readonly answerSurvey: AnswerSurveyUseCase,
    private readonly listResponses: ListSurveyResponsesUseCase,
    private readonly getSurveyLink: GetSurveyLinkUseCase,
  ) {}

  /** Public: the token, not meta.organisationId, names the tenant. */
  @MessagePattern(Rpc.casework.getSurvey.subject)
  get(@Payload() raw: unknown) {
    const { data } = parseRpcRequest(Rpc.casework.getSurvey, raw);
    return this.getSurvey.execute(data.token);
  }

  /** Public: the token, not meta.organisationId, names the tenant. */
  @MessagePattern(Rpc.casework.answerSurvey.subject)
  answer(@Payload() raw: unknown) {
    const { data } = parseRpcRequest(Rpc.casework.answerSurvey, raw);
    return this.answerSurvey.execute(data.token, data.answers);
  }

  @MessagePattern(Rpc.casework.listSurveyResponses.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listSurveyResponses, raw);
    return this.listResponses.execute(meta, data.caseId);
  }

  /** Asked by notify as it sends the invitation email: the only place the link exists. */
  @MessagePattern(Rpc.casework.getSurveyLink.subject)
  link(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getSurveyLink, raw);
    return this.getSurveyLink.execute(meta, data.surveyId);
  }
}
