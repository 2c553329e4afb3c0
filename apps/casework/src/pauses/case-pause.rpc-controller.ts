import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { PauseCaseClocksUseCase } from './pause-case-clocks.use-case';
import { ResumeCaseClocksUseCase } from './resume-case-clocks.use-case';

/** Pausing and resuming a case's pausable clocks. */
@Controller()
export class CasePauseRpcController {
  constructor(
    private readonly pauseCase: PauseCaseClocksUseCase,
    private readonly resumeCase: ResumeCaseClocksUseCase,
  ) {}

  @MessagePattern(Rpc.casework.pauseCase.subject)
  pause(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.pauseCase, raw);
    const { caseId, ...body } = data;
    return this.pauseCase.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.resumeCase.subject)
  resume(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.resumeCase, raw);
    const { caseId, ...body } = data;
    return this.resumeCase.execute(meta, caseId, body);
  }
}
