import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { EndMultiAgencyUseCase } from './end-multi-agency.use-case';
import { ListMultiAgencyUseCase } from './list-multi-agency.use-case';
import { StartMultiAgencyUseCase } from './start-multi-agency.use-case';

/** Other agencies' involvement in a case. */
@Controller()
export class MultiAgencyRpcController {
  constructor(
    private readonly startMultiAgency: StartMultiAgencyUseCase,
    private readonly endMultiAgency: EndMultiAgencyUseCase,
    private readonly listMultiAgency: ListMultiAgencyUseCase,
  ) {}

  @MessagePattern(Rpc.casework.startMultiAgency.subject)
  startInvolvement(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.startMultiAgency, raw);
    return this.startMultiAgency.execute(meta, data.caseId, data.involvement);
  }

  @MessagePattern(Rpc.casework.endMultiAgency.subject)
  endInvolvement(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.endMultiAgency, raw);
    return this.endMultiAgency.execute(meta, data.caseId, data.involvementId, data.to);
  }

  @MessagePattern(Rpc.casework.listMultiAgency.subject)
  involvements(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listMultiAgency, raw);
    return this.listMultiAgency.execute(meta, data.caseId);
  }
}
