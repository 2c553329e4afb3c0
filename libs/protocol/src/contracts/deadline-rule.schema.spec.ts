import { DeadlineRuleSchema } from './deadline-rule.schema';

const basis = { kind: 'contractual' as const, text: 'Within two weeks of the referral.', source: { document: 'spec', section: '§7.1' } };
const rule = (fields: Record<string, unknown>) => ({
  key: 'first-visit',
  label: 'Initial visit',
  startEvent: 'referral.received',
  stopEvent: 'visit.held',
  due: { kind: 'calendar-days', days: 14 },
  basis,
  ...fields,
});
const issues = (input: unknown) => {
  const parsed = DeadlineRuleSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('a pausable clock', () => {
  it('is not pausable unless the rule says so', () => {
    expect(DeadlineRuleSchema.parse(rule({})).pausable).toBe(false);
  });

  it('may be a provider clock counted in calendar or working days from its start', () => {
    expect(issues(rule({ pausable: true }))).toEqual([]);
    expect(issues(rule({ pausable: true, due: { kind: 'working-days', days: 3 } }))).toEqual([]);
  });

  it('may not count to a hearing date: the hearing does not move because the provider paused', () => {
    expect(issues(rule({ pausable: true, due: { kind: 'before-date-field', field: 'hearingDate', days: 0 } }))).toEqual([
      { path: 'pausable', message: expect.stringContaining('before-date-field') },
    ]);
  });

  it('may not count to a statutory date such as the SEND appeal deadline', () => {
    expect(issues(rule({ pausable: true, due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1 } }))).toEqual([
      { path: 'pausable', message: expect.stringContaining('later-of-months') },
    ]);
  });

  it('may not be someone else’s informational clock', () => {
    expect(issues(rule({ pausable: true, kind: 'informational' }))).toEqual([{ path: 'pausable', message: expect.stringContaining('informational') }]);
  });
});
