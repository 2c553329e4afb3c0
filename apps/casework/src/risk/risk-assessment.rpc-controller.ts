import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListRiskAssessmentsUseCase } from './list-risk-assessments.use-case';
import { RecordRiskAssessmentUseCase } from './record-risk-assessment.use-case';

/** Risk assessments of a case. */
@Controller()
export class RiskAssessmentRpcController {
  constructor(
    private readonly recordRisk: RecordRiskAssessmentUseCase,
    private readonly listRisk: ListRiskAssessmentsUseCase,
  ) {}

  @MessagePattern(Rpc.casework.recordRiskAssessment.subject)
  risk(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.recordRiskAssessment, raw);
    return this.recordRisk.execute(meta, data.caseId, data.assessment);
  }

  @MessagePattern(Rpc.casework.listRiskAssessments.subject)
  risks(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listRiskAssessments, raw);
    return this.listRisk.execute(meta, data.caseId);
  }
}
