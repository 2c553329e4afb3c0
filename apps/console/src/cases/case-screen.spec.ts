import { GatewayProblem } from '../gateway/gateway.client';
import { mayChange, problemLinks, reasonLinks } from './case-screen';

describe('the API’s refusals as a GOV.UK error summary', () => {
  it('links each field error to its control and says what to enter for an empty answer', () => {
    const refused = new GatewayProblem(400, {
      errors: [
        { field: 'title', message: 'Too small: expected string to have >=1 characters', code: 'too_small' },
        { field: 'dueOn', message: 'Invalid ISO date', code: 'invalid_format' },
      ],
    });
    expect(problemLinks(refused, { title: 'task-title', dueOn: 'task-dueOn' }, 'tasks')).toEqual([
      { href: '#task-title', text: 'Enter what needs doing' },
      { href: '#task-dueOn', text: 'Enter the day it is due, for example 2027-03-27' },
    ]);
  });

  it('keeps the API’s own words for a rule it applies (its instants in London time), and links a problem without a field to the form', () => {
    const rule = new GatewayProblem(409, { detail: 'The session starts at 2027-01-13T10:00:00Z; it cannot be recorded as held before then.' });
    expect(problemLinks(rule, {}, 'record')).toEqual([
      { href: '#record', text: 'The session starts at Wednesday 13 January 2027 at 10:00am; it cannot be recorded as held before then.' },
    ]);
    const named = new GatewayProblem(409, {
      errors: [{ field: 'kind', message: 'needs mediation.held on the case (a mediation held)', code: 'not-certifiable' }],
    });
    expect(problemLinks(named, { kind: 'certificate-kind' }, 'certificates')).toEqual([
      { href: '#certificate-kind', text: 'kind needs mediation.held on the case (a mediation held)' },
    ]);
  });

  it('says what to do when a session would give less notice than the line’s rule', () => {
    const short = new GatewayProblem(400, {
      errors: [
        {
          field: 'startsAt',
          message: "gives 3 working days' notice; the rule sessionNotice.minWorkingDays needs 10 unless noticeWaived is given",
          code: 'session-notice',
        },
      ],
    });
    expect(problemLinks(short, { startsAt: 'date' }, 'move')).toEqual([
      {
        href: '#date',
        text: 'That gives 3 working days’ notice and this service line needs 10: choose a later date, or say who agreed to less notice and why',
      },
    ]);
  });

  it('asks for the reason of a sensitive read in words, not by the header the API names', () => {
    const missing = new GatewayProblem(400, { errors: [{ field: 'X-Access-Reason', message: 'is required', code: 'required' }] });
    expect(reasonLinks(missing, 'this file')).toEqual([{ href: '#access-reason', text: 'Enter why you need this file, in 5 to 500 characters' }]);
  });
});

describe('what the Case page offers to change, by the person’s roles as the API decides them', () => {
  it('a case manager works and manages a case, a mediator only works it, an auditor only reads', () => {
    expect(mayChange(['case-manager'])).toEqual({ work: true, manage: true });
    expect(mayChange(['mediator'])).toEqual({ work: true, manage: false });
    expect(mayChange(['auditor'])).toEqual({ work: false, manage: false });
  });
});
