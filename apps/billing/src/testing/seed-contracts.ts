import type { ContractDefinitionInput, Pricing } from '@mediation/protocol';

/** Test contracts priced as the seeds price them, with the agreed figures a contract manager would set on a version. */
const basis = (section: string) => ({ kind: 'contractual' as const, text: 'As the seed prices it.', source: { document: 'seeds', section } });

function contract(reference: string, lineKey: string, pricing: Pricing, extra: Partial<ContractDefinitionInput> = {}): ContractDefinitionInput {
  return {
    reference,
    title: `${reference} contract`,
    buyers: [{ name: 'Test Council', role: 'council' }],
    ...extra,
    serviceLines: [
      {
        key: lineKey,
        name: lineKey,
        form: { fields: [] },
        outcomes: [{ key: 'agreed', label: 'Agreement reached', expected: true }],
        londonLivingWage: { required: false },
        dataRetentionMonths: 72,
        pricing,
      },
    ],
  };
}

/** Seed 001: a fixed price a year for N = 3 cases (£90,000 agreed), £1,350 each case above; VAT at the standard rate. */
export const housingContract = () =>
  contract(
    'HSG-001',
    'housing-asb',
    { model: 'fixed-per-year', annualPricePence: 9_000_000, includedCasesPerYear: 3, perCaseAbovePence: 135_000, basis: basis('001 §2.1-2.2, §9.1') },
    {
      period: { start: '2026-04-01', end: '2029-03-31' },
      billing: {
        vat: { treatment: 'standard' },
        invoiceFrequency: 'quarterly',
        supplierVatNumber: 'GB123456789',
        invoiceRecipient: { name: 'Accounts Payable', email: 'ap@council.example' },
        contractManager: { email: 'manager@council.example' },
      },
    },
  );

/** Seed 004: a unit cost per session (£480 agreed) against a £250,000 yearly budget; exempt from VAT. */
export const sendContract = () =>
  contract(
    'SEND-004',
    'send-mediation',
    { model: 'unit-cost-per-session', perSessionPence: 48_000, annualBudgetPence: 25_000_000, basis: basis('004 §2.3-2.5') },
    { period: { start: '2026-04-01', end: '2029-03-31' }, billing: { vat: { treatment: 'exempt' }, invoiceFrequency: 'monthly' } },
  );

/** Seed 000: a price per session (£2,500 agreed) under the £2,000,000 cap with its £500,000 minimum. */
export const possessionContract = () =>
  contract(
    'POS-000',
    'possession-mediation',
    { model: 'unit-cost-per-session', perSessionPence: 250_000, basis: basis('000 Summary') },
    {
      period: { start: '2021-01-14', end: '2021-07-31' },
      value: { netPence: 200_000_000, currency: 'GBP' },
      cap: { netPence: 200_000_000, currency: 'GBP' },
      billing: { minimumValuePence: 50_000_000, contractManager: { email: 'moj.manager@justice.example' } },
    },
  );

/** Seed 003: a block contract of £299,244.33 a year, invoiced quarterly. */
export const blockContract = () =>
  contract(
    'OOCR-003',
    'oocr-mediation',
    { model: 'block-contract', annualPricePence: 29_924_433, invoiceFrequency: 'quarterly', basis: basis('003 Values') },
    { period: { start: '2026-04-01', end: '2028-03-31' }, billing: { vat: { treatment: 'standard' }, supplierVatNumber: 'GB123456789' } },
  );

/**
 * Seed 002: one fixed fee for the whole one-year pre-CMH pilot (about £731K; £731,000 agreed), invoiced monthly with VAT at 20%;
 * its workshops and drop-ins are session types of the line, as in the template.
 */
export const preCmhContract = (milestones: Extract<Pricing, { model: 'fixed-fee' }>['milestones'] = []): ContractDefinitionInput => {
  const definition = contract(
    'PRE-CMH-002',
    'pre-cmh',
    { model: 'fixed-fee', feePence: 73_100_000, milestones, basis: basis('002 Value; Indicators') },
    { period: { start: '2026-04-01', end: '2027-03-31' }, billing: { vat: { treatment: 'standard' }, invoiceFrequency: 'monthly' } },
  );
  definition.serviceLines![0].sessionTypes = [
    { key: 'workshop', label: 'Training workshop for professionals', mode: 'either', heldMilestone: 'workshop.delivered' },
    { key: 'drop-in', label: 'Drop-in support session', mode: 'remote', heldMilestone: 'drop-in.held' },
  ];
  return definition;
};
