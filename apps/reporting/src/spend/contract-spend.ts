import { contractYearOf } from '@mediation/calendar';
import { spendLimitOf, type ContractDefinition, type KpiSpend } from '@mediation/protocol';

/** London days, both included; null ends are open. */
export interface SpendDays {
  from: string | null;
  to: string | null;
}

/**
 * Where spend against the contract's limit is counted, up to `asOf` (the period's last day, or today while it
 * runs): a yearly budget over the contract year holding `asOf`, a cap over the contract's life. Null: no limit.
 */
export function limitWindow(
  definition: ContractDefinition,
  asOf: string,
): (SpendDays & { to: string; kind: 'annual-budget' | 'contract-cap'; pence: number }) | null {
  const limit = spendLimitOf(definition);
  if (!limit) return null;
  const from = limit.kind === 'annual-budget' ? contractYearOf(definition.period?.start, asOf).from : (definition.period?.start ?? null);
  return { ...limit, from, to: asOf };
}

/** The period's last day, or today while the period runs (spend "to date"). */
export const spendAsOf = (days: SpendDays, today: string): string => (days.to === null || days.to > today ? today : days.to);

/** The spend block: the period's spend, and the limit's with its percentage used (one decimal). */
export function spendBlock(spentInPeriod: number, window: ReturnType<typeof limitWindow>, spentInWindow: number): KpiSpend {
  return {
    spentPence: spentInPeriod,
    limit: window
      ? {
          kind: window.kind,
          pence: window.pence,
          from: window.from,
          to: window.to,
          spentPence: spentInWindow,
          usedPercent: Math.round((spentInWindow * 1000) / window.pence) / 10,
        }
      : null,
  };
}
