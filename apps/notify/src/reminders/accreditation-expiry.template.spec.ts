import { accreditationExpiry } from './accreditation-expiry.template';

const base = {
  staffId: '01a20000-0000-7000-8000-000000000001',
  name: 'Morgan Mediator',
  email: 'morgan@provider.example',
  accreditationId: '01a20000-0000-7000-8000-000000000002',
  kind: 'dbs-enhanced',
  label: 'Enhanced DBS check',
};

describe('the accreditation expiry email', () => {
  it('thirty days ahead, it asks for the renewal and says what lapsing means', () => {
    const mail = accreditationExpiry({ ...base, expiresAt: '2027-01-14', daysLeft: 30 });
    expect(mail.subjectLine).toBe('Your Enhanced DBS check expires on Thursday 14 January 2027');
    expect(mail.body).toContain('in 30 days');
    expect(mail.body).toContain('cannot be allocated cases');
  });

  it('once expired, it says so plainly', () => {
    const mail = accreditationExpiry({ ...base, expiresAt: '2026-11-21', daysLeft: -1 });
    expect(mail.subjectLine).toBe('Your Enhanced DBS check has expired');
    expect(mail.body).toContain('expired on Saturday 21 November 2026');
  });
});
