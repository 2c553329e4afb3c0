import type { RpcMeta } from './define-rpc';

/** Referrers and commissioners see only the contracts they are linked to; everyone else every contract of the organisation. */
export function inContractScope(meta: RpcMeta, contractId: string): boolean {
  return !meta.restrictToContracts || meta.restrictToContracts.includes(contractId);
}

/** The contracts a list across cases covers: the caller's scope, narrowed to `contractId` when one is asked (nothing, when it is outside the scope). */
export function listScope(meta: RpcMeta, contractId?: string): readonly string[] | undefined {
  if (!contractId) return meta.restrictToContracts;
  return (meta.restrictToContracts ?? [contractId]).filter((id) => id === contractId);
}
