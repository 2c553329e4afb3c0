import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetKpisUseCase } from './get-kpis.use-case';

@Controller()
export class KpisRpcController {
  constructor(private readonly getKpis: GetKpisUseCase) {}

  @MessagePattern(Rpc.reporting.getKpis.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.getKpis, raw);
    return this.getKpis.execute(meta, data);
  }
}
