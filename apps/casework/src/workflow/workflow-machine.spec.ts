import { ProblemError } from '@mediation/platform';
import { STANDARD_WORKFLOW, WorkflowSchema, workflowOf, type Outcome } from '@mediation/protocol';
import { closingTarget, planTransition, reopeningTarget } from './workflow-machine';
import { assertWithinReopenWindow, reopenWindowEnds } from './reopen-window';

const standard = WorkflowSchema.parse(STANDARD_WORKFLOW);
const outcomes: Outcome[] = [
  { key: 'settled', label: 'Settled', expected: true },
  { key: 'not-settled', label: 'Not settled', expected: false },
];
const ready = { hasCaseManager: true, hasCertificate: false };

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('the case workflow as data', () => {
  it('an invalid move is a 409 naming the moves allowed from where the case is', () => {
    const problem = problemOf(() => planTransition(standard, outcomes, 'referred', { to: 'closed', outcome: 'settled' }, ready));
    expect(problem.status).toBe(409);
    expect(problem.detail).toBe('A case cannot move from "referred" to "closed". From "referred" the workflow allows: accepted, rejected.');
  });

  it('a final status allows nothing and says so', () => {
    expect(problemOf(() => planTransition(standard, outcomes, 'withdrawn', { to: 'in-progress' }, ready)).detail).toMatch(/allows: none/);
  });

  it('accepting needs a case manager on the case', () => {
    const problem = problemOf(() => planTransition(standard, outcomes, 'referred', { to: 'accepted' }, { hasCaseManager: false, hasCertificate: false }));
    expect(problem).toMatchObject({ status: 409, detail: expect.stringMatching(/Assign a case manager/) });
    expect(planTransition(standard, outcomes, 'referred', { to: 'accepted' }, ready).to.key).toBe('accepted');
  });

  it('contacting reaches the contact.made milestone', () => {
    expect(planTransition(standard, outcomes, 'accepted', { to: 'contacted' }, ready).transition.emits).toBe('contact.made');
  });

  it("closing needs an outcome from the line's list, named in a 400 on the outcome field", () => {
    expect(problemOf(() => planTransition(standard, outcomes, 'in-progress', { to: 'closed' }, ready))).toMatchObject({
      status: 400,
      errors: [{ field: 'outcome', code: 'required', message: 'is required to close; one of: settled, not-settled' }],
    });
    expect(problemOf(() => planTransition(standard, outcomes, 'in-progress', { to: 'closed', outcome: 'happy' }, ready))).toMatchObject({
      status: 400,
      errors: [{ field: 'outcome', code: 'unknown_outcome' }],
    });
    const planned = planTransition(standard, outcomes, 'in-progress', { to: 'closed', outcome: 'settled' }, ready);
    expect([planned.to.category, planned.outcome?.key, planned.transition.emits]).toEqual(['closed', 'settled', 'case.closed']);
  });

  it('an outcome is refused on a move that does not close', () => {
    expect(problemOf(() => planTransition(standard, outcomes, 'accepted', { to: 'contacted', outcome: 'settled' }, ready))).toMatchObject({
      status: 400,
      errors: [{ field: 'outcome', code: 'unexpected' }],
    });
  });

  it('withdrawing and reopening need a reason', () => {
    expect(problemOf(() => planTransition(standard, outcomes, 'contacted', { to: 'withdrawn' }, ready))).toMatchObject({
      status: 400,
      errors: [{ field: 'reason' }],
    });
    expect(planTransition(standard, outcomes, 'closed', { to: 'in-progress', reason: 'The noise started again' }, ready).transition.reopens).toBe(true);
  });

  it('the close and reopen routes find their move, or refuse naming what is allowed', () => {
    expect(closingTarget(standard, 'in-progress')).toBe('closed');
    expect(problemOf(() => closingTarget(standard, 'referred'))).toMatchObject({ status: 409, detail: expect.stringMatching(/allows: accepted, rejected/) });
    expect(reopeningTarget(standard, 'closed')).toBe('in-progress');
    expect(problemOf(() => reopeningTarget(standard, 'contacted')).status).toBe(409);
  });

  it('a workflow naming a state it does not have, or closing without an outcome, is refused', () => {
    const bad = WorkflowSchema.safeParse({
      states: [
        { key: 'referred', label: 'R', category: 'active' },
        { key: 'closed', label: 'C', category: 'closed' },
      ],
      transitions: [
        { from: 'referred', to: 'closed' },
        { from: 'referred', to: 'nowhere' },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['closing needs `outcome`', 'no state "nowhere"']));
  });

  it('a line without a workflow runs the standard one', () => {
    expect(workflowOf({}).transitions.map((t) => `${t.from}>${t.to}`)).toContain('accepted>contacted');
  });
});

describe('a workflow with its own requirements (as the SEND template’s certificate route)', () => {
  const send = WorkflowSchema.parse({
    states: [
      { key: 'referred', label: 'Referred', category: 'active' },
      { key: 'mediation-declined', label: 'Declined', category: 'active' },
      { key: 'closed', label: 'Closed', category: 'closed' },
    ],
    transitions: [
      { from: 'referred', to: 'mediation-declined', emits: 'mediation.declined' },
      { from: 'mediation-declined', to: 'closed', requires: ['outcome', 'certificate'], emits: 'case.closed' },
    ],
  });
  const certificateOnly: Outcome[] = [{ key: 'certificate-only', label: 'Certificate only', expected: false }];

  it('cannot close without the certificate, and can once it is issued', () => {
    expect(problemOf(() => planTransition(send, certificateOnly, 'mediation-declined', { to: 'closed', outcome: 'certificate-only' }, ready))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/certificate/),
    });
    expect(
      planTransition(
        send,
        certificateOnly,
        'mediation-declined',
        { to: 'closed', outcome: 'certificate-only' },
        { hasCaseManager: false, hasCertificate: true },
      ).to.key,
    ).toBe('closed');
  });
});

describe('reopening within 12 months', () => {
  const closedAt = new Date('2026-01-15T10:00:00Z');

  it('is allowed up to 12 months after the closure', () => {
    expect(reopenWindowEnds(closedAt).toISOString()).toBe('2027-01-15T10:00:00.000Z');
    expect(() => assertWithinReopenWindow(closedAt, new Date('2027-01-15T10:00:00Z'))).not.toThrow();
  });

  it('is refused later with a problem telling to refer anew', () => {
    expect(problemOf(() => assertWithinReopenWindow(closedAt, new Date('2027-01-15T10:00:01Z')))).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/Make a new referral/),
    });
  });
});
