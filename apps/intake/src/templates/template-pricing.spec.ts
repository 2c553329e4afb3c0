import { ContractTemplateSchema } from '@mediation/protocol';
import { TEMPLATES } from './template-registry';

/** Billing prices every seed: each template names its pricing model, with the seed's own figures where it gives them. */
describe('every template says how it is priced', () => {
  const templates = Object.fromEntries([...TEMPLATES.values()].map((t) => [t.key, ContractTemplateSchema.parse(t)]));

  it('every service line of every template has a pricing model', () => {
    for (const template of Object.values(templates)) {
      for (const line of template.definition.serviceLines)
        expect({ template: template.key, line: line.key, priced: Boolean(line.pricing) }).toMatchObject({ priced: true });
    }
  });

  it('possession (seed 000): per session, under the £2,000,000 cap with its £500,000 minimum', () => {
    const possession = templates.possession.definition;
    expect(possession.cap?.netPence).toBe(200_000_000);
    expect(possession.billing?.minimumValuePence).toBe(50_000_000);
    expect(possession.serviceLines[0].pricing).toMatchObject({ model: 'unit-cost-per-session', perSessionPence: null });
  });

  it('SEND (seed 004) is a unit cost against £250,000 a year; OOCR (seed 003) a block invoiced quarterly', () => {
    expect(templates.send.definition.serviceLines.map((l) => l.pricing)).toContainEqual(
      expect.objectContaining({ model: 'unit-cost-per-session', annualBudgetPence: 25_000_000 }),
    );
    expect(templates.oocr.definition.serviceLines[0].pricing).toMatchObject({
      model: 'block-contract',
      annualPricePence: 29_924_433,
      invoiceFrequency: 'quarterly',
    });
  });
});
