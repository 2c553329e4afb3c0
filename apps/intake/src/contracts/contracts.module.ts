import { Module } from '@nestjs/common';
import { ContractRepository } from './contract.repository';
import { ContractRpcController } from './contract.rpc-controller';
import { CreateContractUseCase } from './create-contract.use-case';
import { ListContractsUseCase } from './list-contracts.use-case';

@Module({
  controllers: [ContractRpcController],
  providers: [ContractRepository, CreateContractUseCase, ListContractsUseCase],
  exports: [ContractRepository],
})
export class ContractsModule {}
