import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { EvidenceRpc } from '@mediation/protocol';
import { ListCaseBundlesUseCase } from './list-case-bundles.use-case';
import { LocateBundleUseCase } from './locate-bundle.use-case';

@Controller()
export class BundleRpcController {
  constructor(
    private readonly locate: LocateBundleUseCase,
    private readonly listCase: ListCaseBundlesUseCase,
  ) {}

  @MessagePattern(EvidenceRpc.locateBundle.subject)
  locateOne(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.locateBundle, raw);
    return this.locate.execute(meta, data.bundleId);
  }

  @MessagePattern(EvidenceRpc.listCaseBundles.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.listCaseBundles, raw);
    return this.listCase.execute(meta, data.caseId);
  }
}
