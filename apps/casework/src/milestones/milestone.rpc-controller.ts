import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListMilestonesUseCase } from './list-milestones.use-case';
import { RecordMilestoneUseCase } from './record-milestone.use-case';

/** The milestones a case's clocks count from. */
@Controller()
export class MilestoneRpcController {
  constructor(
    private readonly recordMilestone: RecordMilestoneUseCase,
    private readonly listMilestones: ListMilestonesUseCase,
  ) {}

  @MessagePattern(Rpc.casework.recordMilestone.subject)
  milestone(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.recordMilestone, raw);
    const { caseId, ...body } = data;
    return this.recordMilestone.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.listMilestones.subject)
  milestones(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listMilestones, raw);
    return this.listMilestones.execute(meta, data.caseId);
  }
}
