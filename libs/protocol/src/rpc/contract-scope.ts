import type { RpcMeta } from './define-rpc';

/** Referrers and commissioners see only the contracts they are linked to; everyone else every contract of the organisation. */
export function inContractScope(meta: RpcMeta, contractId: string): boolean {
  return !meta.restrictToContracts || meta.restrictToContracts.includes(contractId);
}
