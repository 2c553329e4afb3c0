import { GatewayProblem } from '../gateway/gateway.client';
import { bundleBody, certificateBody, evidenceFields, noteBody, sessionMove, sessionOutcome, taskBody, type Form } from './case-forms';

function fieldsRefused(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayProblem);
    return (error as GatewayProblem).problem.errors!.map((e) => e.field);
  }
  throw new Error('the form was accepted');
}

describe('the Case page’s forms as the /v1 bodies they send', () => {
  describe('what happened at a session', () => {
    it('is held at its start when no time is given, so the API applies its default', () => {
      expect(sessionOutcome({ attendance: 'held', heldDate: '', heldTime: '' })).toEqual({ verb: 'hold', body: {} });
    });

    it('is held at the London time given (British Summer Time is an hour ahead of UTC)', () => {
      expect(sessionOutcome({ attendance: 'held', heldDate: '2027-07-07', heldTime: '10:15' })).toEqual({
        verb: 'hold',
        body: { heldAt: '2027-07-07T09:15:00.000Z' },
      });
    });

    it('names the time when only the date of holding is given', () => {
      expect(fieldsRefused(() => sessionOutcome({ attendance: 'held', heldDate: '2027-07-07' }))).toEqual(['heldTime']);
    });

    it('records the parties not attending with what is known, and no holding time', () => {
      expect(sessionOutcome({ attendance: 'did-not-attend', heldDate: '2027-07-07', attendanceReason: ' Neither party came. ' })).toEqual({
        verb: 'did-not-attend',
        body: { reason: 'Neither party came.' },
      });
    });
  });

  describe('moving a session', () => {
    it('keeps its length and sends no waiver when nobody agreed to less notice', () => {
      expect(sessionMove({ date: '2027-01-13', time: '14:30', minutes: '90', waivedBy: ' ', waivedReason: '' })).toEqual({
        startsAt: '2027-01-13T14:30:00.000Z',
        endsAt: '2027-01-13T16:00:00.000Z',
      });
    });

    it('sends the waiver when someone is named as agreeing, leaving its reason for the API to require', () => {
      expect(sessionMove({ date: '2027-01-13', time: '14:30', minutes: '60', waivedBy: 'Ms A, the parent', waivedReason: '' }).noticeWaived).toEqual({
        by: 'Ms A, the parent',
        reason: '',
      });
    });
  });

  it('a task leaves out an assignee not chosen', () => {
    expect(taskBody({ title: ' Call the landlord ', dueOn: '2027-01-15', assigneeStaffId: '' })).toEqual({ title: 'Call the landlord', dueOn: '2027-01-15' });
  });

  it('a note is sensitive only when the box is ticked', () => {
    expect(noteBody({ body: 'Disclosed a health condition.', sensitive: 'yes' })).toEqual({ body: 'Disclosed a health condition.', sensitive: true });
    expect(noteBody({ body: 'Phoned back.' })).toEqual({ body: 'Phoned back.', sensitive: false });
  });

  describe('a certificate', () => {
    const now = new Date('2027-03-01T12:00:00Z');

    it('is issued now unless a London date and time are given', () => {
      expect(certificateBody({ kind: 'declined' }, now)).toEqual({ kind: 'declined', issuedAt: '2027-03-01T12:00:00.000Z' });
      expect(certificateBody({ kind: 'declined', issuedDate: '2027-02-26', issuedTime: '09:00' }, now).issuedAt).toBe('2027-02-26T09:00:00.000Z');
    });

    it('replacing the current one names it and says why', () => {
      const form: Form = { kind: 'after-mediation', replaces: '0190c0de-0000-7000-8000-000000000001', replacementReason: 'Wrong decision named' };
      expect(certificateBody(form, now).replaces).toEqual({ certificateId: '0190c0de-0000-7000-8000-000000000001', reason: 'Wrong decision named' });
    });
  });

  it('a bundle takes one ticked exhibit or several, in the order listed', () => {
    expect(bundleBody({ title: 'Hearing bundle', items: 'a' })).toEqual({ title: 'Hearing bundle', items: ['a'] });
    expect(bundleBody({ title: 'Hearing bundle', preparedFor: '', items: ['a', 'b'] })).toEqual({ title: 'Hearing bundle', items: ['a', 'b'] });
    expect(bundleBody({ title: 'Hearing bundle' }).items).toEqual([]);
  });

  it('an exhibit’s metadata leaves out empty answers and reads the capture time as London’s', () => {
    expect(
      evidenceFields({
        csrf: 'token',
        kind: 'noise-diary',
        description: ' Diary, March ',
        producedBy: 'Sam Resident',
        capturedDate: '2027-03-27',
        capturedTime: '23:30',
        capturedWhere: '',
        source: '',
      }),
    ).toEqual({ kind: 'noise-diary', description: 'Diary, March', producedBy: 'Sam Resident', capturedAt: '2027-03-27T23:30:00.000Z' });
    expect(fieldsRefused(() => evidenceFields({ kind: 'other', capturedDate: '27/03/2027', capturedTime: '23:30' }))).toEqual(['capturedDate']);
  });
});
