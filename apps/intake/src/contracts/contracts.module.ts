import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { ContractRepository } from './contract.repository';
import { ContractRevisions } from './contract-revisions';
import { ContractRpcController } from './contract.rpc-controller';
import { CreateContractUseCase } from './create-contract.use-case';
import { GetContractUseCase } from './get-contract.use-case';
import { GetContractVersionUseCase } from './get-contract-version.use-case';
import { GetReferralFormUseCase } from './get-referral-form.use-case';
import { ImportOcdsUseCase } from './import-ocds.use-case';
import { ListContractsUseCase } from './list-contracts.use-case';
import { PublishContractUseCase } from './publish-contract.use-case';
import { ReplaceContractUseCase } from './replace-contract.use-case';

@Module({
  imports: [TemplatesModule],
  controllers: [ContractRpcController],
  providers: [
    ContractRepository,
    ContractRevisions,
    CreateContractUseCase,
    ListContractsUseCase,
    GetContractUseCase,
    ReplaceContractUseCase,
    PublishContractUseCase,
    ImportOcdsUseCase,
    GetContractVersionUseCase,
    GetReferralFormUseCase,
  ],
  exports: [ContractRepository],
})
export class ContractsModule {}
