import { addMonthsToDate } from '@mediation/calendar';
import type { Pricing } from '@mediation/protocol';
import { billingPeriodOf } from './billing-calendar';
import { contractYearsOf, instalmentOf } from './instalment';

const basis = { kind: 'contractual', text: 't', source: { document: 'seed' } } as const;
/** Seed 002: one fee for the whole one-year pilot, about £731K (the winning bid; £731,000 here). */
const preCmh: Pricing = { model: 'fixed-fee', feePence: 73_100_000, milestones: [], basis };
const oneYear = { period: { start: '2024-04-01', end: '2025-03-31' } };
const monthly = (date: string, start = '2024-04-01') => billingPeriodOf(start, 'monthly', date);

describe('a fixed fee, invoiced by instalments over the whole contract', () => {
  it('£731,000 over a one-year contract invoiced monthly: £60,916.66 or £60,916.67 a month, exactly £731,000 in all', () => {
    const months = Array.from({ length: 12 }, (_, i) => addMonthsToDate('2024-04-15', i));
    const amounts = months.map((day) => instalmentOf(preCmh, oneYear, monthly(day))!.amountPence);
    // By hand: 73,100,000 / 12 = 6,091,666.67; the running share rounds down, so the year is 8 × 6,091,667 and 4 × 6,091,666.
    expect(amounts.filter((a) => a === 6_091_666)).toHaveLength(4);
    expect(amounts.filter((a) => a === 6_091_667)).toHaveLength(8);
    expect(amounts.reduce((sum, a) => sum + a, 0)).toBe(73_100_000);
    expect(instalmentOf(preCmh, oneYear, monthly('2024-04-15'))?.description).toBe('fixed fee, instalment 1 of 12, for 2024-04-01 to 2024-04-30');
  });

  it('over a two-year contract the fee is spread over both years, and nothing is asked after the contract ends', () => {
    const twoYears = { period: { start: '2024-04-01', end: '2026-03-31' } };
    expect(contractYearsOf(twoYears.period)).toBe(2);
    const quarter = (day: string) => instalmentOf(preCmh, twoYears, billingPeriodOf('2024-04-01', 'quarterly', day));
    // By hand: £731,000 / 8 quarters = £91,375.00 each.
    expect(quarter('2024-05-01')).toMatchObject({ amountPence: 9_137_500, description: 'fixed fee, instalment 1 of 8, for 2024-04-01 to 2024-06-30' });
    expect(quarter('2026-02-01')).toMatchObject({ amountPence: 9_137_500, description: 'fixed fee, instalment 8 of 8, for 2026-01-01 to 2026-03-31' });
    expect(quarter('2026-05-01')).toBeNull();
  });

  it('milestones paid on delivery come off the instalments; a fee not agreed asks nothing', () => {
    const staged: Pricing = {
      ...preCmh,
      milestones: [
        { key: 'workshop.delivered', label: 'First national workshop', pence: 7_100_000 },
        { key: 'final-report', label: 'Final report to the DfE', pence: null },
      ],
    };
    // By hand: (£731,000 − £71,000) / 12 = £55,000.00 a month.
    expect(instalmentOf(staged, oneYear, monthly('2024-06-10'))?.amountPence).toBe(5_500_000);
    expect(instalmentOf({ ...preCmh, feePence: null }, oneYear, monthly('2024-06-10'))).toBeNull();
  });

  it('fixed per year and block lines keep their yearly instalments', () => {
    const block: Pricing = { model: 'block-contract', annualPricePence: 29_924_433, invoiceFrequency: 'quarterly', basis };
    const q4 = instalmentOf(block, { period: { start: '2026-04-01' } }, billingPeriodOf('2026-04-01', 'quarterly', '2027-02-01'));
    expect(q4).toEqual({ amountPence: 7_481_109, description: 'instalment 4 of 4 of the contract year from 2026-04-01, for 2027-01-01 to 2027-03-31' });
  });
});
