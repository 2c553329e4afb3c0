import { partyReminder } from './party-reminder.template';

const base = {
  caseId: '01a30000-0000-7000-8000-000000000001',
  contractId: '01a30000-0000-7000-8000-000000000002',
  partyId: '01a30000-0000-7000-8000-000000000003',
  deadlineId: '01a30000-0000-7000-8000-000000000004',
  email: 'jamie@example.com',
  name: 'Jamie Person',
  reference: 'REF-2026-000321',
};

describe('the reminder email to a party', () => {
  it('a day-long deadline reads “by the end of” its London day, with the reference to quote and no contact named', () => {
    const mail = partyReminder({
      ...base,
      rule: 'conditions-completed',
      label: 'Conditions completed within the period the police set',
      dueAt: '2026-07-15T22:59:59.999Z',
      contact: null,
    });
    expect(mail.body).toContain('  by the end of Wednesday 15 July 2026 (UK time)');
    expect(mail.body).toContain('please reply to this email, quoting REF-2026-000321');
    expect(mail.subjectLine).toBe('A reminder about a date on your case REF-2026-000321');
  });

  it('the subject line names no deadline and a line break in the data cannot forge a header line', () => {
    const mail = partyReminder({ ...base, name: 'Jamie\r\nBcc: x@example.com', rule: 'appeal-deadline', label: 'Appeal', dueAt: '2027-02-01T17:00:00.000Z' });
    expect(mail.subjectLine).not.toContain('Appeal');
    expect(mail.body.split('\n')[0]).toBe('Dear Jamie Bcc: x@example.com,');
    expect(mail.body).toContain('  by 17:00 on Monday 1 February 2027 (UK time)');
  });
});
