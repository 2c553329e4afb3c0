import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CreateContractUseCase } from './create-contract.use-case';
import { ListContractsUseCase } from './list-contracts.use-case';

@Controller()
export class ContractRpcController {
  constructor(
    private readonly createContract: CreateContractUseCase,
    private readonly listContracts: ListContractsUseCase,
  ) {}

  @MessagePattern(Rpc.intake.createContract.subject)
  create(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.createContract, raw);
    return this.createContract.execute(meta, data);
  }

  @MessagePattern(Rpc.intake.listContracts.subject)
  list(@Payload() raw: unknown) {
    const { meta } = parseRpcRequest(Rpc.intake.listContracts, raw);
    return this.listContracts.execute(meta);
  }
}
