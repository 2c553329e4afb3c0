import type { ContractBilling } from '@mediation/protocol';

export const UK_STANDARD_RATE_BP = 2000;

export interface VatTerms {
  treatment: 'exempt' | 'standard';
  rateBasisPoints: number;
}

/** The contract's VAT: standard at its rate (20% when not stated) or exempt; a contract that says nothing charges none (exempt). */
export function vatTermsOf(billing: ContractBilling | undefined): VatTerms {
  const vat = billing?.vat;
  if (vat?.treatment === 'standard') return { treatment: 'standard', rateBasisPoints: vat.rateBasisPoints ?? UK_STANDARD_RATE_BP };
  return { treatment: 'exempt', rateBasisPoints: 0 };
}

/** VAT on a net amount, in whole pence, rounded half away from zero on the invoice total (HMRC allows rounding the total). */
export function vatOn(netPence: number, terms: VatTerms): number {
  if (terms.treatment === 'exempt') return 0;
  const exact = (Math.abs(netPence) * terms.rateBasisPoints) / 10_000;
  return Math.sign(netPence) * Math.round(exact);
}
