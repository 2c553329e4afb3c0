import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, type DeadlineView, type RpcMeta } from '@mediation/protocol';

/** Who asks, when the case report asks another service for its part: casework itself, for the closure's organisation. */
export const caseReportMeta = (organisationId: string, correlationId: string): RpcMeta => ({
  organisationId,
  actorId: 'casework:case-report',
  actorType: 'system',
  correlationId,
});

/** The case's clocks, asked of scheduling, which owns them; a failure is retried with the event. */
@Injectable()
export class CaseDeadlinesClient {
  constructor(private readonly rpc: RpcClient) {}

  async forCase(organisationId: string, caseId: string, correlationId: string): Promise<DeadlineView[]> {
    return (await this.rpc.call(Rpc.scheduling.listCaseDeadlines, caseReportMeta(organisationId, correlationId), { caseId })).items;
  }
}
