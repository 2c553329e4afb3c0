import { DeadlineDueSoonV1 } from '../events/scheduling.events';
import { ReminderSchema } from './deadline-rule.schema';

describe('a deadline reminder says whom it is for', () => {
  it('with no audience it is for the staff assigned to the case, as every reminder was before', () => {
    expect(ReminderSchema.parse({ days: 5 })).toEqual({ days: 5, dayKind: 'working', audience: ['assigned-staff'] });
  });

  it('it can be for the parties, the staff or both, and for the parties in some roles only', () => {
    expect(ReminderSchema.parse({ days: 10, audience: ['parties'], partyRoles: ['parent', 'young-person'] })).toEqual({
      days: 10,
      dayKind: 'working',
      audience: ['parties'],
      partyRoles: ['parent', 'young-person'],
    });
    expect(ReminderSchema.parse({ days: 5, audience: ['assigned-staff', 'parties'] }).audience).toEqual(['assigned-staff', 'parties']);
  });

  it.each([
    ['an empty audience', { days: 5, audience: [] }, 'audience'],
    ['an audience nobody can be', { days: 5, audience: ['the-judge'] }, 'audience'],
    ['a role no party has', { days: 5, audience: ['parties'], partyRoles: ['neighbour'] }, 'partyRoles'],
    ['an empty list of roles', { days: 5, audience: ['parties'], partyRoles: [] }, 'partyRoles'],
  ])('refuses %s, naming the field', (_why, reminder, field) => {
    const result = ReminderSchema.safeParse(reminder);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});

describe('scheduling.deadline.due-soon.v1 stays readable as it was', () => {
  const published = {
    deadlineId: '01a30000-0000-7000-8000-000000000001',
    caseId: '01a30000-0000-7000-8000-000000000002',
    rule: 'contact-parties',
    dueAt: '2027-06-02T16:00:00.000Z',
    label: 'First contact',
    reference: 'REF-1',
    remindedAt: '2027-06-01T08:00:00.000Z',
    recipients: [{ name: 'Alex', email: 'alex@provider.example' }],
  };

  it('an event published before audiences existed reads as a reminder for the assigned staff', () => {
    expect(DeadlineDueSoonV1.schema.parse(published)).toEqual({ ...published, audience: ['assigned-staff'] });
  });

  it('a reminder for the parties carries its audience, roles, revision and which reminder it is', () => {
    const parsed = DeadlineDueSoonV1.schema.parse({
      ...published,
      recipients: [],
      audience: ['parties'],
      partyRoles: ['participant'],
      revision: 2,
      reminder: 1,
    });
    expect(parsed).toMatchObject({ audience: ['parties'], partyRoles: ['participant'], revision: 2, reminder: 1 });
  });
});
