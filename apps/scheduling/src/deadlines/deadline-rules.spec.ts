import { INITIAL_CONTACT } from './deadline-rules';

describe('the initial-contact deadline: two weeks from referral, in London time', () => {
  it('a case opened at 10:00 on Friday 20 March 2026 is due at 10:00 on Friday 3 April, after the clocks go forward', () => {
    const opened = new Date('2026-03-20T10:00:00Z'); // 10:00 GMT
    expect(INITIAL_CONTACT.dueFrom(opened).toISOString()).toBe('2026-04-03T09:00:00.000Z'); // 10:00 BST
  });

  it('a case opened at 10:00 on Tuesday 20 October 2026 is due at 10:00 on Tuesday 3 November, after the clocks go back', () => {
    const opened = new Date('2026-10-20T09:00:00Z'); // 10:00 BST
    expect(INITIAL_CONTACT.dueFrom(opened).toISOString()).toBe('2026-11-03T10:00:00.000Z'); // 10:00 GMT
  });

  it('a case opened in a month with no clock change is due exactly 14 days later', () => {
    const opened = new Date('2026-06-01T14:30:00Z');
    expect(INITIAL_CONTACT.dueFrom(opened).getTime() - opened.getTime()).toBe(14 * 24 * 3600 * 1000);
  });

  it('cites its contractual basis', () => {
    expect(INITIAL_CONTACT.basis).toMatch(/2 weeks/);
  });
});
