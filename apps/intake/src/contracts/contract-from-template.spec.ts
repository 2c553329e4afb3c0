import { ContractDefinitionSchema, CreateContractBodySchema } from '@mediation/protocol';
import { findTemplate } from '../templates/template-registry';
import { contractFromTemplate } from './contract-from-template';

const body = (extra: Record<string, unknown>) => CreateContractBodySchema.parse({ template: 'housing-asb', reference: 'HACKNEY-ASB-2027', ...extra });

describe('a contract copied from a template', () => {
  it('keeps the template’s service lines and takes the provider’s reference; the title defaults to the template’s', () => {
    const definition = ContractDefinitionSchema.parse(contractFromTemplate(findTemplate('housing-asb'), body({})));
    expect(definition).toMatchObject({ reference: 'HACKNEY-ASB-2027', title: 'Housing mediation services', origin: { template: 'housing-asb' } });
    expect(definition.serviceLines.map((l) => l.key)).toEqual(['noise', 'complex-asb']);
  });

  it('names the main buyer as given, keeping its role', () => {
    const definition = ContractDefinitionSchema.parse(contractFromTemplate(findTemplate('housing-asb'), body({ buyer: 'London Borough of Hackney' })));
    expect(definition.buyers).toEqual([{ name: 'London Borough of Hackney', role: 'council' }]);
  });

  it('drops the template buyer’s contact and identifier when the buyer is renamed: they belonged to another body', () => {
    const definition = ContractDefinitionSchema.parse(
      contractFromTemplate(findTemplate('oocr'), { ...body({ buyer: 'OPCC for Northamptonshire' }), template: 'oocr' }),
    );
    expect(definition.buyers).toEqual([{ name: 'OPCC for Northamptonshire', role: 'opcc' }]);
  });

  it('takes buyers, title, period and value in full when given', () => {
    const definition = ContractDefinitionSchema.parse(
      contractFromTemplate(findTemplate('send'), {
        ...body({
          title: 'SEND mediation – Coventry',
          buyers: [{ name: 'Coventry City Council', role: 'local-authority' }],
          period: { start: '2026-01-01', end: '2026-12-31' },
          value: { netPence: 1_000_000 },
        }),
        template: 'send',
      }),
    );
    expect(definition).toMatchObject({
      title: 'SEND mediation – Coventry',
      buyers: [{ name: 'Coventry City Council' }],
      period: { start: '2026-01-01', end: '2026-12-31' },
      value: { netPence: 1_000_000, currency: 'GBP' },
    });
  });

  it('does not take the seed contract’s period from the template: referrals outside a period are refused, so the provider states its own', () => {
    expect(ContractDefinitionSchema.parse(contractFromTemplate(findTemplate('possession'), { ...body({}), template: 'possession' })).period).toBeUndefined();
    expect(
      ContractDefinitionSchema.parse(contractFromTemplate(findTemplate('possession'), { ...body({ period: { start: '2026-10-01' } }), template: 'possession' }))
        .period,
    ).toEqual({ start: '2026-10-01' });
  });
});
