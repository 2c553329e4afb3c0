import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AddPartyUseCase } from './add-party.use-case';
import { ListPartiesUseCase } from './list-parties.use-case';
import { UpdatePartyUseCase } from './update-party.use-case';

/** The parties to a case. */
@Controller()
export class PartyRpcController {
  constructor(
    private readonly addParty: AddPartyUseCase,
    private readonly updateParty: UpdatePartyUseCase,
    private readonly listParties: ListPartiesUseCase,
  ) {}

  @MessagePattern(Rpc.casework.addParty.subject)
  add(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.addParty, raw);
    return this.addParty.execute(meta, data.caseId, data.party);
  }

  @MessagePattern(Rpc.casework.updateParty.subject)
  update(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.updateParty, raw);
    return this.updateParty.execute(meta, data.caseId, data.partyId, data.changes);
  }

  @MessagePattern(Rpc.casework.listParties.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listParties, raw);
    return this.listParties.execute(meta, data.caseId, data.includeSensitive);
  }
}
