import { Module } from '@nestjs/common';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { SessionsModule } from '../sessions/sessions.module';
import { StaffModule } from '../staff/staff.module';
import { AllocationRpcController } from './allocation.rpc-controller';
import { CaseloadRepository } from './caseload.repository';
import { CheckAssignmentUseCase } from './check-assignment.use-case';
import { RankMediatorsUseCase } from './rank-mediators.use-case';

@Module({
  imports: [StaffModule, SessionsModule],
  controllers: [AllocationRpcController],
  providers: [CaseloadRepository, CaseFileRepository, RankMediatorsUseCase, CheckAssignmentUseCase],
})
export class AllocationModule {}
