import type { ContractDefinition } from './contract-definition.schema';

/** What spend is measured against: a yearly budget, counted per contract year, or the contract's total cap, counted over its life. */
export interface SpendLimit {
  kind: 'annual-budget' | 'contract-cap';
  pence: number;
}

/**
 * A line's yearly budget (seed 004 §2.3-2.5: £250,000) when any line has one, summed over lines;
 * else the contract's cap (seed 000: £2,000,000); else none. Billing warns against it, reporting shows spend beside the KPIs.
 */
export function spendLimitOf(definition: ContractDefinition): SpendLimit | null {
  const budgets = definition.serviceLines.map((line) => (line.pricing?.model === 'unit-cost-per-session' ? (line.pricing.annualBudgetPence ?? null) : null));
  const known = budgets.filter((b): b is number => typeof b === 'number');
  if (known.length) return { kind: 'annual-budget', pence: known.reduce((a, b) => a + b, 0) };
  if (definition.cap?.netPence) return { kind: 'contract-cap', pence: definition.cap.netPence };
  return null;
}
