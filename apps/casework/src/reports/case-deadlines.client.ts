import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, type DeadlineView } from '@mediation/protocol';

/** The case's clocks, asked of scheduling, which owns them; a failure is retried with the event. */
@Injectable()
export class CaseDeadlinesClient {
  constructor(private readonly rpc: RpcClient) {}

  async forCase(organisationId: string, caseId: string, correlationId: string): Promise<DeadlineView[]> {
    const meta = { organisationId, actorId: 'casework:case-report', actorType: 'system' as const, correlationId };
    return (await this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId })).items;
  }
}
