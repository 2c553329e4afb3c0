import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListCaseDeadlinesUseCase } from './list-case-deadlines.use-case';
import { ListDeadlinesUseCase } from './list-deadlines.use-case';

@Controller()
export class DeadlineRpcController {
  constructor(
    private readonly listCaseDeadlines: ListCaseDeadlinesUseCase,
    private readonly listDeadlines: ListDeadlinesUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.listCaseDeadlines.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listCaseDeadlines, raw);
    return this.listCaseDeadlines.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.scheduling.listDeadlines.subject)
  acrossCases(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listDeadlines, raw);
    return this.listDeadlines.execute(meta, data);
  }
}
