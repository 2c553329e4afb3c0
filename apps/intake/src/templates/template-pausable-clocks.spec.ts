import { TEMPLATES } from './template-registry';

const pausableClocks = () =>
  [...TEMPLATES.values()].flatMap((t) =>
    t.definition.serviceLines.flatMap((line) => line.deadlineRules.filter((r) => r.pausable).map((r) => `${t.key}/${line.key}/${r.key}`)),
  );

describe('clocks a paused case stops', () => {
  it('are only the housing two-week clocks (initial contact and first visit), on both service lines', () => {
    expect(pausableClocks().sort()).toEqual([
      'housing-asb/complex-asb/first-visit',
      'housing-asb/complex-asb/initial-contact',
      'housing-asb/noise/first-visit',
      'housing-asb/noise/initial-contact',
    ]);
  });

  it('say why they may pause, citing the spec, and mark it as the provider’s practice rather than the contract', () => {
    const housing = TEMPLATES.get('housing-asb')!;
    for (const rule of housing.definition.serviceLines.flatMap((l) => l.deadlineRules.filter((r) => r.pausable))) {
      expect(rule.basis.source.note).toMatch(/provider practice/);
      expect(rule.basis.source.note).toMatch(/§6\.1/);
      expect(rule.basis.source.note).toMatch(/§8\.2/);
    }
  });

  it('never include a statutory or fixed-date clock: SEND, possession, out-of-court and pre-CMH clocks keep running', () => {
    expect(pausableClocks().filter((key) => !key.startsWith('housing-asb/'))).toEqual([]);
  });
});
