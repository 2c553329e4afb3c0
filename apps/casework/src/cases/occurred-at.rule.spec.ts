import { ReferralFormSchema } from '@mediation/protocol';
import { assertOccurredWithinCase, caseBegan } from './occurred-at.rule';

/** The SEND form's dates, as the template marks them: the decision letter and the day the LA was told are history, the hearing is not. */
const form = ReferralFormSchema.parse({
  fields: [
    { key: 'decisionLetterDate', label: 'Decision letter', type: 'date', notInFuture: true },
    { key: 'laInformedDate', label: 'LA told', type: 'date', notInFuture: true },
    { key: 'hearingDate', label: 'Hearing', type: 'date' },
  ],
});
const line = { form };
const now = new Date('2027-02-10T12:00:00Z');
/** A SEND case typed in on 10 February, after its mediation: the LA was told on 4 January. */
const entered = {
  openedAt: new Date('2027-02-10T11:00:00Z'),
  receivedAt: new Date('2027-02-10T10:59:59Z'),
  dates: { laInformedDate: '2027-01-04', hearingDate: '2026-12-01' },
};
const problem = (f: () => void) => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as { problem: { errors: { field: string; code: string }[] } }).problem.errors[0];
  }
};

describe('when something on a case can be dated', () => {
  it('a case entered late began on the earliest date of the form that is history: the day the LA was told, from midnight London', () => {
    expect(caseBegan(entered, line)).toEqual(new Date('2027-01-04T00:00:00Z'));
    expect(problem(() => assertOccurredWithinCase(entered, line, new Date('2027-01-20T14:00:00Z'), now))).toBeNull();
  });

  it('not before it: a mediation on 3 January is before the case (400 before_case naming occurredAt)', () => {
    expect(problem(() => assertOccurredWithinCase(entered, line, new Date('2027-01-03T23:59:00Z'), now))).toEqual(
      expect.objectContaining({ field: 'occurredAt', code: 'before_case' }),
    );
  });

  it('a date that is not history (a hearing) never moves the start, and without history dates the case began at its receipt', () => {
    expect(caseBegan({ ...entered, dates: { hearingDate: '2026-12-01' } }, line)).toEqual(entered.receivedAt);
  });

  it('nothing can be dated in the future', () => {
    expect(problem(() => assertOccurredWithinCase(entered, line, new Date('2027-02-10T12:00:01Z'), now, 'issuedAt'))).toEqual(
      expect.objectContaining({ field: 'issuedAt', code: 'in_future' }),
    );
  });
});
