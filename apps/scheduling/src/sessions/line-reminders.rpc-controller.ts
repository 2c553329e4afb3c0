import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetLineSessionRemindersUseCase } from './get-line-session-reminders.use-case';
import { SetLineSessionRemindersUseCase } from './set-line-session-reminders.use-case';

@Controller()
export class LineRemindersRpcController {
  constructor(
    private readonly setReminders: SetLineSessionRemindersUseCase,
    private readonly getReminders: GetLineSessionRemindersUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.setLineSessionReminders.subject)
  set(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.setLineSessionReminders, raw);
    return this.setReminders.execute(meta, data.contractId, data.serviceLine, data.reminders);
  }

  @MessagePattern(Rpc.scheduling.getLineSessionReminders.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.getLineSessionReminders, raw);
    return this.getReminders.execute(meta, data.contractId, data.serviceLine);
  }
}
