import { ServiceLineSchema } from '@mediation/protocol';
import { manualMilestonesOf } from './manual-milestones';

const basis = { kind: 'legal', text: 'x', source: { document: 'd' } } as const;
const rule = (key: string, startEvent: string, stopEvent: string) => ({
  key,
  label: key,
  startEvent,
  stopEvent,
  due: { kind: 'working-days', days: 3 },
  basis,
});
const line = (rules: (ReturnType<typeof rule> & { cancelEvents?: string[] })[], more: Record<string, unknown> = {}) =>
  ServiceLineSchema.parse({
    key: 'l',
    name: 'L',
    form: { fields: [] },
    outcomes: [],
    deadlineRules: rules,
    londonLivingWage: { required: false },
    dataRetentionMonths: 12,
    ...more,
  });

describe('milestones a person may record', () => {
  it('are the ones the line’s clocks start or stop on', () => {
    expect(
      manualMilestonesOf(
        line([
          rule('a', 'mediation.declined', 'certificate.issued'),
          rule('b', 'mediation.delayed', 'certificate.issued'),
          rule('c', 'referral.received', 'conditions.completed'),
        ]),
      ),
    ).toEqual(['conditions.completed', 'mediation.declined', 'mediation.delayed']);
  });

  it('never include what the platform records itself (opening, closure, certificates, reports)', () => {
    expect(manualMilestonesOf(line([rule('r', 'case.closed', 'report.sent'), rule('c', 'case.opened', 'certificate.issued')]))).toEqual([]);
  });

  it('nor a held session’s milestone a clock waits for: the session is recorded instead, so the clock stops once', () => {
    const mediation = line([rule('m', 'referral.received', 'mediation.held')], {
      sessionTypes: [{ key: 'mediation', label: 'Mediation', mode: 'either', heldMilestone: 'mediation.held' }],
    });
    expect(manualMilestonesOf(mediation)).toEqual([]);
  });

  // The shipped templates' parts that matter here, copied (one service never imports another): apps/intake/src/templates.
  it('pre-CMH: workshops delivered and data returns received, which its KPIs count, can be recorded (they were refused with "allowed: none")', () => {
    const count = (key: string, event: string) => ({ key, label: key, measure: { kind: 'count', event }, period: 'monthly', basis });
    const preCmh = line([rule('meeting-before-cmh', 'referral.received', 'meeting.held')], {
      sessionTypes: [
        { key: 'pre-cmh-meeting', label: 'Pre-CMH meeting', mode: 'either', heldMilestone: 'meeting.held' },
        { key: 'workshop', label: 'Workshop', mode: 'either', heldMilestone: 'workshop.delivered' },
        { key: 'drop-in', label: 'Drop-in', mode: 'remote', heldMilestone: 'drop-in.held' },
      ],
      kpis: [
        { key: 'meeting-held-before-cmh', label: 'x', measure: { kind: 'deadline-met-rate', deadlineRule: 'meeting-before-cmh' }, period: 'monthly', basis },
        count('workshops-delivered', 'workshop.delivered'),
        count('drop-ins-held', 'drop-in.held'),
        count('data-returns', 'data-return.received'),
      ],
    });
    expect(manualMilestonesOf(preCmh)).toEqual(['data-return.received', 'drop-in.held', 'workshop.delivered']);
  });

  it('SEND: the family declining, mediation not arranged in time and an appeal lodged; never mediation.held, which its session records', () => {
    const send = line(
      [
        { ...rule('mediation-within-30-days', 'referral.received', 'mediation.held'), cancelEvents: ['mediation.declined'] },
        rule('certificate-after-mediation', 'mediation.held', 'certificate.issued'),
        rule('certificate-no-mediation', 'mediation.declined', 'certificate.issued'),
        rule('certificate-deemed', 'mediation.delayed', 'certificate.issued'),
        rule('appeal-deadline', 'certificate.issued', 'appeal.lodged'),
      ],
      { sessionTypes: [{ key: 'mediation', label: 'Mediation', mode: 'either', heldMilestone: 'mediation.held' }] },
    );
    expect(manualMilestonesOf(send)).toEqual(['appeal.lodged', 'mediation.declined', 'mediation.delayed']);
  });
});
