import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { RecordActivityUseCase } from './record-activity.use-case';

@Controller()
export class ActivityRpcController {
  constructor(private readonly recordActivity: RecordActivityUseCase) {}

  @MessagePattern(Rpc.scheduling.recordActivity.subject)
  record(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.recordActivity, raw);
    return this.recordActivity.execute(meta, data.contractId, data.activity);
  }
}
