import type { Pricing } from '@mediation/protocol';

/** Something that happened on a case that a contract may pay for. */
export type BillableFact =
  | { kind: 'case'; reference: string }
  | { kind: 'session'; reference: string; sessionType: string }
  | { kind: 'did-not-attend'; reference: string; sessionType: string };

/** What the ledger records for a fact: its price (0 when the contract pays nothing for it) and why. */
export interface PricedFact {
  amountPence: number;
  description: string;
}

const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The price of one fact under a service line's pricing, or null when that pricing does not pay for
 * that kind of fact at all (nothing is recorded). `casesBeforeInYear` is how many cases of the line
 * the ledger already holds for this contract year: under fixed-per-year the first N are covered by
 * the annual price (recorded at £0, so cases used of N can be read back), each one above N costs the
 * agreed price (seed 001 §2.1-2.2, §9.1: £1,350). A price not yet agreed (null) records £0 and says so.
 */
export function priceFact(pricing: Pricing | undefined, fact: BillableFact, casesBeforeInYear = 0): PricedFact | null {
  if (!pricing) return null;
  switch (pricing.model) {
    case 'fixed-per-year': {
      if (fact.kind !== 'case') return null;
      const ordinal = casesBeforeInYear + 1;
      const included = pricing.includedCasesPerYear;
      if (included === null) return { amountPence: 0, description: `Case ${fact.reference} (case ${ordinal} of the contract year; included cases not agreed)` };
      if (ordinal <= included) return { amountPence: 0, description: `Case ${fact.reference} (case ${ordinal} of ${included} included in the annual price)` };
      if (pricing.perCaseAbovePence === null)
        return { amountPence: 0, description: `Case ${fact.reference} (case ${ordinal}, above ${included}; price not agreed)` };
      return {
        amountPence: pricing.perCaseAbovePence,
        description: `Case ${fact.reference} (case ${ordinal}, above the ${included} included, at ${pounds(pricing.perCaseAbovePence)})`,
      };
    }
    case 'unit-cost-per-session': {
      if (fact.kind === 'case') return null;
      if (fact.kind === 'did-not-attend') {
        // The contract's rule: a did-not-attend is charged only where it names a charge.
        if (pricing.didNotAttendPence === undefined) return null;
        return { amountPence: pricing.didNotAttendPence, description: `Session not attended (${fact.sessionType}), case ${fact.reference}` };
      }
      if (pricing.perSessionPence === null)
        return { amountPence: 0, description: `Session held (${fact.sessionType}), case ${fact.reference} (price not agreed)` };
      return { amountPence: pricing.perSessionPence, description: `Session held (${fact.sessionType}), case ${fact.reference}` };
    }
    // A block contract and a fixed fee are paid by instalment or milestone, whatever the volume.
    case 'block-contract':
    case 'fixed-fee':
      return null;
  }
}
