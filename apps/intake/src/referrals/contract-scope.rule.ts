import type { ContractDefinition, Rejection } from '@mediation/protocol';
import type { ServiceLine } from './referral.types';

export type ScopeDecision = { takes: true; line: ServiceLine } | { takes: false; rejection: Rejection; line: ServiceLine | undefined };

/**
 * Whether the contract can take a referral at all: only an active contract does, and only on one of
 * its own service lines (the first when none is named).
 */
export function contractScope(status: string, definition: ContractDefinition, serviceLine: string | undefined): ScopeDecision {
  const line = serviceLine ? definition.serviceLines.find((l) => l.key === serviceLine) : definition.serviceLines[0];
  if (status !== 'active') return { takes: false, line, rejection: { code: 'contract-not-active', reason: `The contract is ${status} and takes no referrals.` } };
  if (!line) {
    const known = definition.serviceLines.map((l) => l.key).join(', ') || 'none';
    return { takes: false, line, rejection: { code: 'outside-scope', reason: `The service line "${serviceLine ?? ''}" is not within this contract's scope (it has: ${known}).` } };
  }
  return { takes: true, line };
}
