import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetCaseUseCase } from './get-case.use-case';

@Controller()
export class CaseRpcController {
  constructor(private readonly getCase: GetCaseUseCase) {}

  @MessagePattern(Rpc.casework.getCase.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getCase, raw);
    return this.getCase.execute(meta, data.caseId);
  }
}
