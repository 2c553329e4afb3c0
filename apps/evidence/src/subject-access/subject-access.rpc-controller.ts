import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { EvidenceRpc } from '@mediation/protocol';
import { ExportPersonEvidenceUseCase } from './export-person.use-case';

@Controller()
export class SubjectAccessRpcController {
  constructor(private readonly exportPerson: ExportPersonEvidenceUseCase) {}

  @MessagePattern(EvidenceRpc.exportPerson.subject)
  export(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.exportPerson, raw);
    return this.exportPerson.execute(meta, data);
  }
}
