import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { EvidenceRpc, type EvidenceItemView } from '@mediation/protocol';
import { caseReportMeta } from './case-deadlines.client';

/**
 * The case's exhibits, asked of the evidence service, which owns them (casework never reads its tables):
 * listing them is not a read of any exhibit, so it writes no custody entry. A failure is retried with the event.
 */
@Injectable()
export class CaseEvidenceClient {
  constructor(private readonly rpc: RpcClient) {}

  async forCase(organisationId: string, caseId: string, correlationId: string): Promise<EvidenceItemView[]> {
    return (await this.rpc.call(EvidenceRpc.listCaseEvidence, caseReportMeta(organisationId, correlationId), { caseId })).items;
  }
}
