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

/** A case's price under a fixed-per-year line at one band: its description is the text either side of the case's ordinal in the year. */
export interface CaseBand {
  amountPence: number;
  description: readonly [string, string];
}

/**
 * A fixed-per-year line's price of a case by its ordinal in the contract year (seed 001 §2.1-2.2, §9.1: £1,350): the first
 * `included` are covered by the annual price (recorded at £0, so cases used of N can be read back), each one above costs the
 * agreed price; `included` null (not agreed) covers every case. The ledger applies it to the count it reads as it appends.
 */
export interface CaseBands {
  included: number | null;
  within: CaseBand;
  above: CaseBand;
}

type FixedPerYear = Extract<Pricing, { model: 'fixed-per-year' }>;

function caseBands(pricing: FixedPerYear, reference: string): CaseBands {
  const included = pricing.includedCasesPerYear;
  const opening = `Case ${reference} (case `;
  if (included === null) {
    const uncounted = { amountPence: 0, description: [opening, ' of the contract year; included cases not agreed)'] } as const;
    return { included, within: uncounted, above: uncounted };
  }
  const above = pricing.perCaseAbovePence;
  return {
    included,
    within: { amountPence: 0, description: [opening, ` of ${included} included in the annual price)`] },
    above:
      above === null
        ? { amountPence: 0, description: [opening, `, above ${included}; price not agreed)`] }
        : { amountPence: above, description: [opening, `, above the ${included} included, at ${pounds(above)})`] },
  };
}

/** The price of the case that is `ordinal`th of its line's contract year. */
export function priceAtOrdinal(bands: CaseBands, ordinal: number): PricedFact {
  const band = bands.included === null || ordinal <= bands.included ? bands.within : bands.above;
  return { amountPence: band.amountPence, description: `${band.description[0]}${ordinal}${band.description[1]}` };
}

/** What a fact costs: a price, or for a case of a fixed-per-year line, a price by its ordinal in the contract year. */
export type FactPrice = PricedFact | { byOrdinal: CaseBands };

/**
 * The price of one fact under a service line's pricing, or null when that pricing does not pay for
 * that kind of fact at all (nothing is recorded). A price not yet agreed (null) records £0 and says so.
 */
export function priceFact(pricing: Pricing | undefined, fact: BillableFact): FactPrice | null {
  if (!pricing) return null;
  switch (pricing.model) {
    case 'fixed-per-year':
      return fact.kind === 'case' ? { byOrdinal: caseBands(pricing, fact.reference) } : null;
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
