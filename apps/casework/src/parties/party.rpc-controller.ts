import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AssignStaffUseCase } from '../assignments/assign-staff.use-case';
import { ListAssignmentsUseCase } from '../assignments/list-assignments.use-case';
import { UnassignStaffUseCase } from '../assignments/unassign-staff.use-case';
import { AddPartyUseCase } from './add-party.use-case';
import { ListPartiesUseCase } from './list-parties.use-case';
import { UpdatePartyUseCase } from './update-party.use-case';

/** The people on a case: its parties and the staff assigned to it. */
@Controller()
export class PartyRpcController {
  constructor(
    private readonly addParty: AddPartyUseCase,
    private readonly updateParty: UpdatePartyUseCase,
    private readonly listParties: ListPartiesUseCase,
    private readonly assignStaff: AssignStaffUseCase,
    private readonly unassignStaff: UnassignStaffUseCase,
    private readonly listAssignments: ListAssignmentsUseCase,
  ) {}

  @MessagePattern(Rpc.casework.addParty.subject)
  add(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.addParty, raw);
    return this.addParty.execute(meta, data.caseId, data.party);
  }

  @MessagePattern(Rpc.casework.updateParty.subject)
  update(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.updateParty, raw);
    return this.updateParty.execute(meta, data.caseId, data.partyId, data.changes);
  }

  @MessagePattern(Rpc.casework.listParties.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listParties, raw);
    return this.listParties.execute(meta, data.caseId, data.includeSensitive);
  }

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
