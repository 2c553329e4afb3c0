import { RpcClient } from '@mediation/messaging';
import { Rpc, type CaseContext, type RpcMeta } from '@mediation/protocol';

/** The case as casework knows it (404 when it is not the caller's), handed to scheduling so services never ask each other. */
export async function caseContext(rpc: RpcClient, meta: RpcMeta, caseId: string): Promise<CaseContext> {
  const found = await rpc.call(Rpc.casework.getCase, meta, { caseId });
  return { caseId: found.id, contractId: found.contractId, serviceLine: found.serviceLine, contractVersion: found.contractVersion, beganAt: found.beganAt };
}
