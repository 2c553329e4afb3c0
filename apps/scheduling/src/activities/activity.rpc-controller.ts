import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetActivityFormUseCase } from './get-activity-form.use-case';
import { RecordActivityUseCase } from './record-activity.use-case';
import { SetActivityFormUseCase } from './set-activity-form.use-case';

@Controller()
export class ActivityRpcController {
  constructor(
    private readonly recordActivity: RecordActivityUseCase,
    private readonly setForm: SetActivityFormUseCase,
    private readonly getForm: GetActivityFormUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.recordActivity.subject)
  record(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.recordActivity, raw);
    return this.recordActivity.execute(meta, data.contractId, data.activity);
  }

  @MessagePattern(Rpc.scheduling.setActivityForm.subject)
  setActivityForm(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.setActivityForm, raw);
    return this.setForm.execute(meta, { contractId: data.contractId, serviceLine: data.serviceLine, activityType: data.activityType }, data.form);
  }

  @MessagePattern(Rpc.scheduling.getActivityForm.subject)
  getActivityForm(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.getActivityForm, raw);
    return this.getForm.execute(meta, data);
  }
}
