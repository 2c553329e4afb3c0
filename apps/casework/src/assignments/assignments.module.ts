import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AssignStaffUseCase } from './assign-staff.use-case';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentRpcController } from './assignment.rpc-controller';
import { ListAssignmentsUseCase } from './list-assignments.use-case';
import { UnassignStaffUseCase } from './unassign-staff.use-case';

/** The staff assigned to a case. */
@Module({
  imports: [CasesModule],
  controllers: [AssignmentRpcController],
  providers: [AssignmentRepository, AssignStaffUseCase, UnassignStaffUseCase, ListAssignmentsUseCase],
  exports: [AssignmentRepository],
})
export class AssignmentsModule {}
