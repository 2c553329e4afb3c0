import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { HOLDS_OPEN, parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListEventsUseCase } from './list-events.use-case';
import { ReplayUseCase } from './replay.use-case';

@Controller()
export class EventsRpcController {
  constructor(
    private readonly listEvents: ListEventsUseCase,
    private readonly replayEvents: ReplayUseCase,
  ) {}

  /** With `wait` an empty page waits for events: held open outside the service's turns for work. */
  @MessagePattern(Rpc.webhooks.listEvents.subject, HOLDS_OPEN)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.listEvents, raw);
    return this.listEvents.execute(meta, data);
  }

  @MessagePattern(Rpc.webhooks.replay.subject)
  replay(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.replay, raw);
    return this.replayEvents.execute(meta, data.webhookId, data.replay);
  }
}
