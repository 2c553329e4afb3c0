import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { EvaluatorExtractUseCase } from './evaluator-extract.use-case';

@Controller()
export class ExtractsRpcController {
  constructor(private readonly extract: EvaluatorExtractUseCase) {}

  @MessagePattern(Rpc.reporting.getEvaluatorExtract.subject)
  evaluator(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.getEvaluatorExtract, raw);
    return this.extract.execute(meta, data);
  }
}
