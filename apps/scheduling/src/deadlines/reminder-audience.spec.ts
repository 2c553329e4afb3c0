import { calendarFor } from '@mediation/calendar';
import { DeadlineRuleSchema } from '@mediation/protocol';
import { readClock } from './deadline-clock';
import { reminderAudience } from './reminder-audience';
import { clockColumns } from './start-deadlines.use-case';

const basis = { kind: 'legal' as const, text: 'test', source: { document: 'test' } };
const rule = DeadlineRuleSchema.parse({
  key: 'appeal-deadline',
  label: 'Appeal',
  kind: 'informational',
  startEvent: 'certificate.issued',
  stopEvent: 'appeal.lodged',
  due: { kind: 'working-days', days: 12 },
  reminders: [
    { days: 15, audience: ['assigned-staff'] },
    { days: 10, audience: ['parties'], partyRoles: ['parent'] },
    { days: 2, audience: ['assigned-staff', 'parties'] },
  ],
  basis,
});
const calendar = calendarFor();

describe('each pending reminder of a deadline keeps its own audience', () => {
  // Started Monday 1 February 2027, due 12 working days on: the 15-day reminder would fall before the start, so it is dropped.
  const columns = clockColumns(rule, readClock(rule, new Date('2027-02-01T12:00:00Z'), {}, calendar), { calendar });
  const deadline = { ruleDefinition: rule, reminderRules: columns.reminderRules };

  it('a reminder already past when the clock starts is left out, and the others remember which they are', () => {
    expect(columns.remindersAt).toHaveLength(2);
    expect(columns.reminderRules).toEqual([1, 2]);
  });

  it('the first pending reminder is the parties’ (parents only), the second is for both', () => {
    expect(reminderAudience(deadline, 0)).toEqual({ audience: ['parties'], partyRoles: ['parent'] });
    expect(reminderAudience(deadline, 1)).toEqual({ audience: ['assigned-staff', 'parties'] });
  });

  it('a deadline set before reminders had audiences reminds the assigned staff, as it did', () => {
    expect(reminderAudience({ ruleDefinition: rule, reminderRules: [] }, 0)).toEqual({ audience: ['assigned-staff'] });
    expect(reminderAudience({ ruleDefinition: { not: 'a rule' }, reminderRules: [1] }, 0)).toEqual({ audience: ['assigned-staff'] });
  });
});
