import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetActivityPriceUseCase } from './get-activity-price.use-case';
import { SetActivityPriceUseCase } from './set-activity-price.use-case';

@Controller()
export class ActivityPriceRpcController {
  constructor(
    private readonly setPrice: SetActivityPriceUseCase,
    private readonly getPrice: GetActivityPriceUseCase,
  ) {}

  @MessagePattern(Rpc.billing.setActivityPrice.subject)
  set(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.setActivityPrice, raw);
    const { price, ...ref } = data;
    return this.setPrice.execute(meta, ref, price);
  }

  @MessagePattern(Rpc.billing.getActivityPrice.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getActivityPrice, raw);
    return this.getPrice.execute(meta, data);
  }
}
