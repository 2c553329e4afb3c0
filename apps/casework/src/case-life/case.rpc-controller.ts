import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ChangeCaseDatesUseCase } from './change-case-dates.use-case';
import { CloseCaseUseCase } from './close-case.use-case';
import { GetCaseUseCase } from './get-case.use-case';
import { ListCasesUseCase } from './list-cases.use-case';
import { ReopenCaseUseCase } from './reopen-case.use-case';
import { TransitionCaseUseCase } from './transition-case.use-case';

/** A case itself: read, listed, moved along its workflow, closed, reopened, its dates changed. */
@Controller()
export class CaseRpcController {
  constructor(
    private readonly getCase: GetCaseUseCase,
    private readonly listCases: ListCasesUseCase,
    private readonly transitionCase: TransitionCaseUseCase,
    private readonly closeCase: CloseCaseUseCase,
    private readonly reopenCase: ReopenCaseUseCase,
    private readonly changeDates: ChangeCaseDatesUseCase,
  ) {}

  @MessagePattern(Rpc.casework.getCase.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getCase, raw);
    return this.getCase.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.listCases.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listCases, raw);
    return this.listCases.execute(meta, data);
  }

  @MessagePattern(Rpc.casework.transitionCase.subject)
  transition(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.transitionCase, raw);
    const { caseId, ...body } = data;
    return this.transitionCase.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.closeCase.subject)
  close(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.closeCase, raw);
    const { caseId, ...body } = data;
    return this.closeCase.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.reopenCase.subject)
  reopen(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.reopenCase, raw);
    return this.reopenCase.execute(meta, data.caseId, { reason: data.reason });
  }

  @MessagePattern(Rpc.casework.changeCaseDates.subject)
  dates(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.changeCaseDates, raw);
    return this.changeDates.execute(meta, data.caseId, data.dates);
  }
}
