import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AssignStaffUseCase } from './assign-staff.use-case';
import { ListAssignmentsUseCase } from './list-assignments.use-case';
import { UnassignStaffUseCase } from './unassign-staff.use-case';

/** The staff assigned to a case. */
@Controller()
export class AssignmentRpcController {
  constructor(
    private readonly assignStaff: AssignStaffUseCase,
    private readonly unassignStaff: UnassignStaffUseCase,
    private readonly listAssignments: ListAssignmentsUseCase,
  ) {}

  @MessagePattern(Rpc.casework.assignStaff.subject)
  assign(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.assignStaff, raw);
    return this.assignStaff.execute(meta, data);
  }

  @MessagePattern(Rpc.casework.unassignStaff.subject)
  unassign(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.unassignStaff, raw);
    return this.unassignStaff.execute(meta, data.caseId, data.assignmentId);
  }

  @MessagePattern(Rpc.casework.listAssignments.subject)
  assignments(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listAssignments, raw);
    return this.listAssignments.execute(meta, data.caseId);
  }
}
