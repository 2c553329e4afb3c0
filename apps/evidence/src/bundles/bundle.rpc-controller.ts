import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { EvidenceRpc } from '@mediation/protocol';
import { LocateBundleUseCase } from './locate-bundle.use-case';

@Controller()
export class BundleRpcController {
  constructor(private readonly locate: LocateBundleUseCase) {}

  @MessagePattern(EvidenceRpc.locateBundle.subject)
  locateOne(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.locateBundle, raw);
    return this.locate.execute(meta, data.bundleId);
  }
}
