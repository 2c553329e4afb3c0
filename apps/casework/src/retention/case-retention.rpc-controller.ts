import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { SetCaseLegalHoldUseCase } from './set-case-legal-hold.use-case';

@Controller()
export class CaseRetentionRpcController {
  constructor(private readonly setLegalHold: SetCaseLegalHoldUseCase) {}

  @MessagePattern(Rpc.casework.setCaseLegalHold.subject)
  legalHold(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.setCaseLegalHold, raw);
    return this.setLegalHold.execute(meta, data.caseId, { legalHold: data.legalHold, reason: data.reason });
  }
}
