import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ExportPersonUseCase } from './export-person.use-case';

@Controller()
export class SubjectAccessRpcController {
  constructor(private readonly exportPerson: ExportPersonUseCase) {}

  @MessagePattern(Rpc.notify.exportPerson.subject)
  export(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.notify.exportPerson, raw);
    return this.exportPerson.execute(meta, data);
  }
}
