import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CreateContractUseCase } from './create-contract.use-case';
import { GetContractUseCase } from './get-contract.use-case';
import { GetContractVersionUseCase } from './get-contract-version.use-case';
import { GetReferralFormUseCase } from './get-referral-form.use-case';
import { ImportOcdsUseCase } from './import-ocds.use-case';
import { ListContractsUseCase } from './list-contracts.use-case';
import { PublishContractUseCase } from './publish-contract.use-case';
import { ReplaceContractUseCase } from './replace-contract.use-case';

@Controller()
export class ContractRpcController {
  constructor(
    private readonly createContract: CreateContractUseCase,
    private readonly listContracts: ListContractsUseCase,
    private readonly getContract: GetContractUseCase,
    private readonly replaceContract: ReplaceContractUseCase,
    private readonly publishContract: PublishContractUseCase,
    private readonly importOcds: ImportOcdsUseCase,
    private readonly getContractVersion: GetContractVersionUseCase,
    private readonly getReferralForm: GetReferralFormUseCase,
  ) {}

  @MessagePattern(Rpc.intake.getContractVersion.subject)
  getVersion(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getContractVersion, raw);
    return this.getContractVersion.execute(meta, data.contractId, data.version);
  }

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

  @MessagePattern(Rpc.intake.getContract.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getContract, raw);
    return this.getContract.execute(meta, data.contractId);
  }

  @MessagePattern(Rpc.intake.getReferralForm.subject)
  referralForm(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.getReferralForm, raw);
    return this.getReferralForm.execute(meta, data.contractId);
  }

  @MessagePattern(Rpc.intake.replaceContract.subject)
  replace(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.replaceContract, raw);
    return this.replaceContract.execute(meta, data.contractId, data.definition);
  }

  @MessagePattern(Rpc.intake.publishContract.subject)
  publish(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.publishContract, raw);
    return this.publishContract.execute(meta, data.contractId);
  }

  @MessagePattern(Rpc.intake.importOcds.subject)
  importDocument(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.intake.importOcds, raw);
    return this.importOcds.execute(meta, data.document, data.options);
  }
}
