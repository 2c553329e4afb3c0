import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ListCommunicationsUseCase } from './list-communications.use-case';
import { LogCommunicationUseCase } from './log-communication.use-case';

/** A case's communications log. */
@Controller()
export class CommunicationRpcController {
  constructor(
    private readonly logCommunication: LogCommunicationUseCase,
    private readonly listCommunications: ListCommunicationsUseCase,
  ) {}

  @MessagePattern(Rpc.casework.logCommunication.subject)
  log(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.logCommunication, raw);
    return this.logCommunication.execute(meta, data.caseId, data.communication);
  }

  @MessagePattern(Rpc.casework.listCommunications.subject)
  communications(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listCommunications, raw);
    return this.listCommunications.execute(meta, data.caseId);
  }
}
