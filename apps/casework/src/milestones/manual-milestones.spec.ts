import { ServiceLineSchema } from '@mediation/protocol';
import { manualMilestonesOf } from './manual-milestones';

const basis = { kind: 'legal', text: 'x', source: { document: 'd' } } as const;
const rule = (key: string, startEvent: string, stopEvent: string) => ({ key, label: key, startEvent, stopEvent, due: { kind: 'working-days', days: 3 }, basis });
const line = (rules: ReturnType<typeof rule>[]) => ServiceLineSchema.parse({ key: 'l', name: 'L', form: { fields: [] }, outcomes: [], deadlineRules: rules, londonLivingWage: { required: false }, dataRetentionMonths: 12 });

describe('milestones a person may record', () => {
  it('are the hand-recorded ones the line’s clocks start or stop on', () => {
    expect(manualMilestonesOf(line([rule('a', 'mediation.declined', 'certificate.issued'), rule('b', 'mediation.delayed', 'certificate.issued'), rule('c', 'referral.received', 'mediation.held')]))).toEqual(['mediation.declined', 'mediation.delayed']);
  });

  it('never include what the platform records itself (closure, certificates, held sessions, reports)', () => {
    expect(manualMilestonesOf(line([rule('r', 'case.closed', 'report.sent'), rule('c', 'referral.received', 'conditions.completed')]))).toEqual(['conditions.completed']);
  });
});
