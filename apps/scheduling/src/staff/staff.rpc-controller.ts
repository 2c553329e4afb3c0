import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AddAccreditationUseCase } from './add-accreditation.use-case';
import { AddAvailabilityExceptionUseCase } from './add-availability-exception.use-case';
import { CreateStaffUseCase } from './create-staff.use-case';
import { DeclareConflictUseCase } from './declare-conflict.use-case';
import { GetStaffUseCase } from './get-staff.use-case';
import { ListStaffUseCase } from './list-staff.use-case';
import { UpdateStaffUseCase } from './update-staff.use-case';

@Controller()
export class StaffRpcController {
  constructor(
    private readonly createStaff: CreateStaffUseCase,
    private readonly listStaff: ListStaffUseCase,
    private readonly getStaff: GetStaffUseCase,
    private readonly updateStaff: UpdateStaffUseCase,
    private readonly addAccreditation: AddAccreditationUseCase,
    private readonly addException: AddAvailabilityExceptionUseCase,
    private readonly declareConflict: DeclareConflictUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.createStaff.subject)
  create(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.createStaff, raw);
    return this.createStaff.execute(meta, data);
  }

  @MessagePattern(Rpc.scheduling.listStaff.subject)
  list(@Payload() raw: unknown) {
    const { meta } = parseRpcRequest(Rpc.scheduling.listStaff, raw);
    return this.listStaff.execute(meta);
  }

  @MessagePattern(Rpc.scheduling.getStaff.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.getStaff, raw);
    return this.getStaff.execute(meta, data.staffId, data.ownedByUserId);
  }

  @MessagePattern(Rpc.scheduling.updateStaff.subject)
  update(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.updateStaff, raw);
    return this.updateStaff.execute(meta, data.staffId, data.changes);
  }

  @MessagePattern(Rpc.scheduling.addAccreditation.subject)
  accreditation(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.addAccreditation, raw);
    return this.addAccreditation.execute(meta, data.staffId, data.accreditation);
  }

  @MessagePattern(Rpc.scheduling.addAvailabilityException.subject)
  exception(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.addAvailabilityException, raw);
    return this.addException.execute(meta, data.staffId, data.exception);
  }

  @MessagePattern(Rpc.scheduling.declareConflict.subject)
  conflict(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.declareConflict, raw);
    return this.declareConflict.execute(meta, data.staffId, data.conflict);
  }
}
