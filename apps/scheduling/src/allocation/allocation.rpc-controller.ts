import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CheckAssignmentUseCase } from './check-assignment.use-case';
import { RankMediatorsUseCase } from './rank-mediators.use-case';

@Controller()
export class AllocationRpcController {
  constructor(
    private readonly rankMediators: RankMediatorsUseCase,
    private readonly checkAssignment: CheckAssignmentUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.rankMediators.subject)
  rank(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.rankMediators, raw);
    return this.rankMediators.execute(meta, data.case, data.query);
  }

  @MessagePattern(Rpc.scheduling.checkAssignment.subject)
  assignable(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.checkAssignment, raw);
    return this.checkAssignment.execute(meta, data.case, data.staffId, data.caseParties);
  }
}
