import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AddLocalAuthorityUseCase } from './add-local-authority.use-case';
import { ListDataReturnsUseCase } from './list-data-returns.use-case';
import { ListLocalAuthoritiesUseCase } from './list-local-authorities.use-case';
import { RecordDataReturnUseCase } from './record-data-return.use-case';
import { SetDataReturnRuleUseCase } from './set-data-return-rule.use-case';

@Controller()
export class LocalAuthorityRpcController {
  constructor(
    private readonly add: AddLocalAuthorityUseCase,
    private readonly list: ListLocalAuthoritiesUseCase,
    private readonly setRule: SetDataReturnRuleUseCase,
    private readonly record: RecordDataReturnUseCase,
    private readonly listReturns: ListDataReturnsUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.addLocalAuthority.subject)
  addLocalAuthority(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.addLocalAuthority, raw);
    return this.add.execute(meta, data.contractId, data.authority);
  }

  @MessagePattern(Rpc.scheduling.listLocalAuthorities.subject)
  listLocalAuthorities(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listLocalAuthorities, raw);
    return this.list.execute(meta, data.contractId);
  }

  @MessagePattern(Rpc.scheduling.setDataReturnRule.subject)
  setDataReturnRule(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.setDataReturnRule, raw);
    return this.setRule.execute(meta, data.contractId, data.rule);
  }

  @MessagePattern(Rpc.scheduling.recordDataReturn.subject)
  recordDataReturn(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.recordDataReturn, raw);
    return this.record.execute(meta, data.contractId, data.localAuthorityId, data.dataReturn);
  }

  @MessagePattern(Rpc.scheduling.listDataReturns.subject)
  listDataReturns(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listDataReturns, raw);
    return this.listReturns.execute(meta, data.contractId, data.localAuthorityId);
  }
}
