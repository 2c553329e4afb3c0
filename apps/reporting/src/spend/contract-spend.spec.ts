import { ContractDefinitionSchema } from '@mediation/protocol';
import { limitWindow, spendAsOf, spendBlock } from './contract-spend';

const basis = { kind: 'contractual', text: 't', source: { document: 'seed' } };
const line = (pricing: object) => ({
  key: 'l',
  name: 'L',
  form: { fields: [] },
  outcomes: [{ key: 'a', label: 'A', expected: true }],
  londonLivingWage: { required: false },
  dataRetentionMonths: 72,
  pricing,
});
const send = ContractDefinitionSchema.parse({
  reference: 'S',
  title: 'S',
  buyers: [{ name: 'B', role: 'local-authority' }],
  period: { start: '2026-04-01' },
  serviceLines: [line({ model: 'unit-cost-per-session', perSessionPence: 48_000, annualBudgetPence: 25_000_000, basis })],
});
const possession = ContractDefinitionSchema.parse({
  reference: 'P',
  title: 'P',
  buyers: [{ name: 'B', role: 'court' }],
  period: { start: '2021-01-14' },
  cap: { netPence: 200_000_000, currency: 'GBP' },
  serviceLines: [line({ model: 'unit-cost-per-session', perSessionPence: 250_000, basis })],
});

describe('spend beside the KPIs', () => {
  it('a yearly budget is counted over the contract year holding the day; a cap over the contract’s life', () => {
    expect(limitWindow(send, '2027-02-28')).toEqual({ kind: 'annual-budget', pence: 25_000_000, from: '2026-04-01', to: '2027-02-28' });
    expect(limitWindow(possession, '2021-06-30')).toEqual({ kind: 'contract-cap', pence: 200_000_000, from: '2021-01-14', to: '2021-06-30' });
  });

  it('spend is to date: a period still running is counted to today', () => {
    expect(spendAsOf({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-06')).toBe('2026-12-06');
    expect(spendAsOf({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-06')).toBe('2026-11-30');
    expect(spendAsOf({ from: null, to: null }, '2026-12-06')).toBe('2026-12-06');
  });

  it('possession: £1,500,000 spent of the £2,000,000 cap is 75.0% used', () => {
    expect(spendBlock(25_000_000, limitWindow(possession, '2021-06-30'), 150_000_000).limit).toMatchObject({ spentPence: 150_000_000, usedPercent: 75 });
    expect(spendBlock(0, null, 0)).toEqual({ spentPence: 0, limit: null });
  });
});
