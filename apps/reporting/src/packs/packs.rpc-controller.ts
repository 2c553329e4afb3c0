import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { inContractScope, Rpc } from '@mediation/protocol';
import { IssuePackUseCase } from './issue-pack.use-case';
import { PackFilesUseCase } from './pack-files.use-case';

@Controller()
export class PacksRpcController {
  constructor(
    private readonly files: PackFilesUseCase,
    private readonly issue: IssuePackUseCase,
  ) {}

  @MessagePattern(Rpc.reporting.listPacks.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.listPacks, raw);
    return this.files.list(meta, data.contractId);
  }

  @MessagePattern(Rpc.reporting.getPackFile.subject)
  file(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.getPackFile, raw);
    return this.files.file(meta, data);
  }

  @MessagePattern(Rpc.reporting.regeneratePack.subject)
  async regenerate(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.reporting.regeneratePack, raw);
    if (!inContractScope(meta, data.contractId)) throw ProblemError.notFound('Contract', data.contractId);
    const pack = await this.issue.execute({ organisationId: meta.organisationId, ...data, trigger: 'on-demand', correlationId: meta.correlationId });
    return { ...pack, issuedAt: pack.issuedAt.toISOString() };
  }
}
