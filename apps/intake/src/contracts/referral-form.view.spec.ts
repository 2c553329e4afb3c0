import { ContractTemplateSchema } from '@mediation/protocol';
import { TEMPLATES } from '../templates/template-registry';
import { toReferralFormView } from './referral-form.view';

/** A referrer draws the form from this view; the provider's commercial terms stay with the provider. */
describe('the referral form a referrer reads', () => {
  const possession = ContractTemplateSchema.parse(TEMPLATES.get('possession')).definition;
  const row = {
    id: '7d1f3c52-52a4-4b8e-9f0e-2f3f1a6c9b10',
    reference: 'POS-1',
    title: 'Possession mediation',
    buyer: 'A Council',
    status: 'active' as const,
    version: 3,
  };

  it('carries each line’s form, who may refer and the consent asked for, for the version referrals are judged by', () => {
    const view = toReferralFormView(row, possession);
    expect(view).toMatchObject({ contractId: row.id, reference: 'POS-1', status: 'active', version: 3 });
    expect(view.serviceLines.map((l) => l.key)).toEqual(possession.serviceLines.map((l) => l.key));
    expect(view.serviceLines[0].form).toEqual(possession.serviceLines[0].form);
    expect(view.serviceLines[0].referrers).toEqual(possession.serviceLines[0].referrers);
  });

  it('says nothing of prices, the cap, billing, KPIs or pay, though the contract has them', () => {
    expect(possession.cap?.netPence).toBeGreaterThan(0);
    expect(possession.serviceLines[0].pricing).toBeDefined();
    const text = JSON.stringify(toReferralFormView(row, possession));
    for (const word of ['pricing', 'Pence', 'cap', 'billing', 'kpis', 'londonLivingWage', 'staffRequirements'])
      expect({ word, present: text.includes(`"${word}`) || text.includes(`${word}"`) }).toEqual({ word, present: false });
  });
});
