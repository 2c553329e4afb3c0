import { londonDate } from '@mediation/calendar';
import type { ContractDefinition, Rejection } from '@mediation/protocol';
import type { ServiceLine } from './referral.types';

export type ScopeDecision = { takes: true; line: ServiceLine } | { takes: false; rejection: Rejection; line: ServiceLine | undefined };

/**
 * Whether the contract can take a referral at all: only an active contract does, within its period
 * (London dates, first and last day included), and only on one of its own service lines (the first when none is named).
 */
export function contractScope(status: string, definition: ContractDefinition, serviceLine: string | undefined, receivedAt: Date): ScopeDecision {
  const line = serviceLine ? definition.serviceLines.find((l) => l.key === serviceLine) : definition.serviceLines[0];
  if (status !== 'active')
    return { takes: false, line, rejection: { code: 'contract-not-active', reason: `The contract is ${status} and takes no referrals.` } };
  const outside = outsidePeriod(definition.period, londonDate(receivedAt));
  if (outside) return { takes: false, line, rejection: { code: 'contract-not-active', reason: outside } };
  if (!line) {
    const known = definition.serviceLines.map((l) => l.key).join(', ') || 'none';
    return {
      takes: false,
      line,
      rejection: { code: 'outside-scope', reason: `The service line "${serviceLine ?? ''}" is not within this contract's scope (it has: ${known}).` },
    };
  }
  return { takes: true, line };
}

/** Why a referral received on `day` falls outside the contract period, or null when it is within it (or there is no period). */
function outsidePeriod(period: ContractDefinition['period'], day: string): string | null {
  if (period?.start && day < period.start) return `The contract period starts on ${period.start}: it takes no referrals before then.`;
  if (period?.end && day > period.end) return `The contract period ended on ${period.end}: it takes no referrals after it.`;
  return null;
}
