import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetContractBillingUseCase } from './get-contract-billing.use-case';

@Controller()
export class PositionRpcController {
  constructor(private readonly position: GetContractBillingUseCase) {}

  @MessagePattern(Rpc.billing.getContractBilling.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getContractBilling, raw);
    return this.position.execute(meta, data);
  }
}
