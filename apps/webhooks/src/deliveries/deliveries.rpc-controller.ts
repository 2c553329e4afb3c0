import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListDeliveriesUseCase } from './list-deliveries.use-case';
import { RedeliverUseCase } from './redeliver.use-case';
import { SendTestUseCase } from './send-test.use-case';

@Controller()
export class DeliveriesRpcController {
  constructor(
    private readonly listDeliveries: ListDeliveriesUseCase,
    private readonly sendTest: SendTestUseCase,
    private readonly redeliver: RedeliverUseCase,
  ) {}

  @MessagePattern(Rpc.webhooks.listDeliveries.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.listDeliveries, raw);
    return this.listDeliveries.execute(meta, data.webhookId, data.query);
  }

  @MessagePattern(Rpc.webhooks.sendTest.subject)
  test(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.sendTest, raw);
    return this.sendTest.execute(meta, data.webhookId);
  }

  @MessagePattern(Rpc.webhooks.redeliver.subject)
  again(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.redeliver, raw);
    return this.redeliver.execute(meta, data.webhookId, data.deliveryId);
  }
}
