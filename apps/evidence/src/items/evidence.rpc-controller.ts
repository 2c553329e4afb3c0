import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { EvidenceRpc } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { GetEvidenceUseCase } from './get-evidence.use-case';
import { ListCaseEvidenceUseCase } from './list-case-evidence.use-case';
import { LocateEvidenceUseCase } from './locate-evidence.use-case';

@Controller()
export class EvidenceRpcController {
  constructor(
    private readonly listCase: ListCaseEvidenceUseCase,
    private readonly getOne: GetEvidenceUseCase,
    private readonly custody: GetCustodyUseCase,
    private readonly locate: LocateEvidenceUseCase,
  ) {}

  @MessagePattern(EvidenceRpc.listCaseEvidence.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.listCaseEvidence, raw);
    return this.listCase.execute(meta, data.caseId);
  }

  @MessagePattern(EvidenceRpc.getEvidence.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.getEvidence, raw);
    return this.getOne.execute(meta, data.evidenceId, data.reason);
  }

  @MessagePattern(EvidenceRpc.locateEvidence.subject)
  locateOne(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.locateEvidence, raw);
    return this.locate.execute(meta, data.evidenceId);
  }

  @MessagePattern(EvidenceRpc.getCustody.subject)
  getCustody(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(EvidenceRpc.getCustody, raw);
    return this.custody.execute(meta, data.evidenceId);
  }
}
