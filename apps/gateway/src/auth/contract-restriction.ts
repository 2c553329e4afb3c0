import { CONTRACT_BOUND_ROLES, type Role, type RpcMeta } from '@mediation/protocol';
import { ProblemError } from '@mediation/platform';

/**
 * The contracts a person is limited to: only someone whose every role is contract-bound (referrer,
 * commissioner) is limited; anyone who also holds a wider role already sees the whole organisation.
 */
export function contractRestriction(roles: readonly Role[], contractIds: readonly string[]): readonly string[] | undefined {
  return roles.length > 0 && roles.every((role) => CONTRACT_BOUND_ROLES.includes(role)) ? contractIds : undefined;
}

/** A 403 unless the request may act on this contract; services enforce the same list on reads. */
export function assertContractAllowed(meta: RpcMeta, contractId: string): void {
  if (meta.restrictToContracts && !meta.restrictToContracts.includes(contractId)) {
    throw ProblemError.forbidden(`You are not linked to contract ${contractId}.`);
  }
}
