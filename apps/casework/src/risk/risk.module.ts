import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ListRiskAssessmentsUseCase } from './list-risk-assessments.use-case';
import { RecordRiskAssessmentUseCase } from './record-risk-assessment.use-case';
import { RiskAssessmentRepository } from './risk-assessment.repository';
import { RiskAssessmentRpcController } from './risk-assessment.rpc-controller';

/** Risk assessments of a case. */
@Module({
  imports: [CasesModule],
  controllers: [RiskAssessmentRpcController],
  providers: [RiskAssessmentRepository, RecordRiskAssessmentUseCase, ListRiskAssessmentsUseCase],
  exports: [RiskAssessmentRepository],
})
export class RiskModule {}
