import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetKpisUseCase } from './get-kpis.use-case';
import { ListContractCasesUseCase } from './list-contract-cases.use-case';

@Controller()
export class KpisRpcController {
  constructor(
    private readonly getKpis: GetKpisUseCase,
    private readonly listCases: ListContractCasesUseCase,
  ) {}

  @MessagePattern(Rpc.reporting.getKpis.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.getKpis, raw);
    return this.getKpis.execute(meta, data);
  }

  @MessagePattern(Rpc.reporting.listContractCases.subject)
  cases(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.listContractCases, raw);
    return this.listCases.execute(meta, data);
  }
}
