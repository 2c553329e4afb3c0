import { dataReturnMissing, dataReturnReminder, monthName } from './data-return-email.templates';

const base = {
  localAuthorityId: '01a20000-0000-7000-8000-000000000001',
  contractId: '01a20000-0000-7000-8000-000000000002',
  authorityKey: 'medway-council',
  name: 'Medway Council',
  period: '2026-10',
  dueOn: '2026-11-13',
  contact: { name: 'Ali Returns', email: 'ali@medway.example' },
};

describe('the data return emails to a local authority', () => {
  it('names the month in words', () => {
    expect(monthName('2026-10')).toBe('October 2026');
  });

  it('the reminder says which month’s return is due and when, with the day name', () => {
    const mail = dataReturnReminder(base);
    expect(mail.subjectLine).toBe('Reminder: Medway Council’s data return for October 2026 is due on Friday 13 November 2026');
    expect(mail.body).toContain('Dear Ali Returns,');
  });

  it('the missing notice says it was due and has not arrived', () => {
    const mail = dataReturnMissing({ ...base, missingAt: '2026-11-16T08:00:00.000Z' });
    expect(mail.subjectLine).toBe('Medway Council’s data return for October 2026 has not arrived');
    expect(mail.body).toContain('was due on Friday 13 November 2026');
  });
});
