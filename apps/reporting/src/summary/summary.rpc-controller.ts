import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetSummaryUseCase } from './get-summary.use-case';

@Controller()
export class SummaryRpcController {
  constructor(private readonly getSummary: GetSummaryUseCase) {}

  @MessagePattern(Rpc.reporting.getSummary.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.getSummary, raw);
    return this.getSummary.execute(meta, data);
  }
}
