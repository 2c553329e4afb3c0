import type { Pricing } from '@mediation/protocol';
import { billingPeriodOf, contractYearOf, instalmentPence, invoiceCron, previousBillingPeriod } from './billing-calendar';
import { priceAtOrdinal, priceFact } from './price-fact';
import { vatOn, vatTermsOf } from './vat';

const basis = { kind: 'contractual', text: 't', source: { document: 'seed' } } as const;
const housing: Pricing = { model: 'fixed-per-year', annualPricePence: 9_000_000, includedCasesPerYear: 3, perCaseAbovePence: 135_000, basis };
const send: Pricing = { model: 'unit-cost-per-session', perSessionPence: 48_000, annualBudgetPence: 25_000_000, basis };
const block: Pricing = { model: 'block-contract', annualPricePence: 29_924_433, invoiceFrequency: 'quarterly', basis };

describe('pricing a billable fact', () => {
  const caseOf = (pricing: Pricing, reference: string) => {
    const price = priceFact(pricing, { kind: 'case', reference });
    if (!price || !('byOrdinal' in price)) throw new Error('a fixed-per-year case is priced by its ordinal');
    return (ordinal: number) => priceAtOrdinal(price.byOrdinal, ordinal);
  };

  it('fixed per year: the first three cases of a year of three cost nothing more; the fourth is invoiced at £1,350', () => {
    const prices = [1, 2, 3, 4, 5].map((ordinal) => caseOf(housing, `H-${ordinal}`)(ordinal).amountPence);
    expect(prices).toEqual([0, 0, 0, 135_000, 135_000]);
    expect(caseOf(housing, 'H-3')(3).description).toBe('Case H-3 (case 3 of 3 included in the annual price)');
    expect(caseOf(housing, 'H-4')(4).description).toBe('Case H-4 (case 4, above the 3 included, at £1,350.00)');
  });

  it('fixed per year: sessions are not priced, and an unagreed price records £0 saying so', () => {
    expect(priceFact(housing, { kind: 'session', reference: 'H-1', sessionType: 'mediation' })).toBeNull();
    expect(caseOf({ ...housing, perCaseAbovePence: null }, 'H-6')(6)).toEqual({ amountPence: 0, description: 'Case H-6 (case 6, above 3; price not agreed)' });
    expect(caseOf({ ...housing, includedCasesPerYear: null }, 'H-9')(9)).toEqual({
      amountPence: 0,
      description: 'Case H-9 (case 9 of the contract year; included cases not agreed)',
    });
  });

  it('unit cost: each held session at the unit price; a did-not-attend only where the contract charges one', () => {
    expect(priceFact(send, { kind: 'session', reference: 'S-1', sessionType: 'mediation' })).toEqual({
      amountPence: 48_000,
      description: 'Session held (mediation), case S-1',
    });
    expect(priceFact(send, { kind: 'case', reference: 'S-1' })).toBeNull();
    expect(priceFact(send, { kind: 'did-not-attend', reference: 'S-1', sessionType: 'mediation' })).toBeNull();
    const charging: Pricing = { ...send, didNotAttendPence: 12_000 } as Pricing;
    expect(priceFact(charging, { kind: 'did-not-attend', reference: 'S-1', sessionType: 'mediation' })).toMatchObject({ amountPence: 12_000 });
  });

  it('block contract: nothing per case or session; the quarterly instalments of £299,244.33 add up to the penny', () => {
    expect(priceFact(block, { kind: 'case', reference: 'O-1' })).toBeNull();
    expect(priceFact(block, { kind: 'session', reference: 'O-1', sessionType: 'meeting' })).toBeNull();
    const quarters = [0, 1, 2, 3].map((i) => instalmentPence(29_924_433, i, 4));
    expect(quarters).toEqual([7_481_108, 7_481_108, 7_481_108, 7_481_109]);
    expect(quarters.reduce((a, b) => a + b)).toBe(29_924_433);
  });
});

describe('contract years and billing periods, on London dates', () => {
  it('a contract year runs from the anniversary of the start; no start means the financial year', () => {
    expect(contractYearOf('2026-04-01', '2027-03-31')).toEqual({ from: '2026-04-01', to: '2027-04-01' });
    expect(contractYearOf('2026-04-01', '2027-04-01')).toEqual({ from: '2027-04-01', to: '2028-04-01' });
    expect(contractYearOf(undefined, '2027-01-15')).toEqual({ from: '2026-04-01', to: '2027-04-01' });
  });

  it('quarterly periods run from the contract year start', () => {
    expect(billingPeriodOf('2026-04-01', 'quarterly', '2026-08-20')).toEqual({ from: '2026-07-01', to: '2026-10-01', index: 1, count: 4 });
    expect(billingPeriodOf('2021-01-14', 'monthly', '2021-03-13')).toEqual({ from: '2021-02-14', to: '2021-03-14', index: 1, count: 12 });
  });
});

describe('VAT per contract, shown separately', () => {
  it('standard rate adds 20% unless another rate is named; exempt and unstated add nothing', () => {
    expect(vatOn(135_000, vatTermsOf({ vat: { treatment: 'standard' } }))).toBe(27_000);
    expect(vatOn(1_001, vatTermsOf({ vat: { treatment: 'standard', rateBasisPoints: 500 } }))).toBe(50);
    expect(vatOn(-135_000, vatTermsOf({ vat: { treatment: 'standard' } }))).toBe(-27_000);
    expect(vatOn(135_000, vatTermsOf({ vat: { treatment: 'exempt' } }))).toBe(0);
    expect(vatOn(135_000, vatTermsOf(undefined))).toBe(0);
  });
});

describe('when invoices are drafted', () => {
  it('at 06:30 London on the first day of each period, from the contract’s anniversary day', () => {
    expect(invoiceCron('2026-04-01', 'quarterly')).toBe('30 6 1 1,4,7,10 *');
    expect(invoiceCron('2021-01-14', 'monthly')).toBe('30 6 14 * *');
    expect(invoiceCron('2026-04-01', 'yearly')).toBe('30 6 1 4 *');
    // The 31st, which most months lack, runs on the 1st of the next month.
    expect(invoiceCron('2026-01-31', 'quarterly')).toBe('30 6 1 2,5,8,11 *');
  });

  it('a job on a period’s first day invoices the period before it', () => {
    expect(previousBillingPeriod('2026-04-01', 'quarterly', '2026-07-01')).toMatchObject({ from: '2026-04-01', to: '2026-07-01' });
    expect(previousBillingPeriod('2026-04-01', 'monthly', '2027-04-01')).toMatchObject({ from: '2027-03-01', to: '2027-04-01', index: 11 });
  });
});
