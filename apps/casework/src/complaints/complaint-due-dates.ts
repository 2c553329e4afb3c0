import { londonDate, type WorkingCalendar } from '@mediation/calendar';
import type { ComplaintsPolicy } from '@mediation/protocol';

export interface ComplaintDueDates {
  acknowledgeBy: Date;
  respondBy: Date;
  respondFrom: ComplaintsPolicy['respondWithin']['from'];
}

/** The end of the London day `days` (calendar or working) after the London date of `from`, that day not counted. */
function dueAfter(from: Date, within: { days: number; dayKind: 'calendar' | 'working' }, calendar: WorkingCalendar): Date {
  return calendar.endOfDaysAfter(londonDate(from), within.days, within.dayKind);
}

/**
 * The dates a complaint received at `receivedAt` is due by. Where the response is counted from the
 * acknowledgement, it is provisionally counted from the last day to acknowledge, until it is acknowledged.
 */
export function complaintDueDates(policy: ComplaintsPolicy, calendar: WorkingCalendar, receivedAt: Date): ComplaintDueDates {
  const acknowledgeBy = dueAfter(receivedAt, policy.acknowledgeWithin, calendar);
  const respondBy = dueAfter(policy.respondWithin.from === 'acknowledged' ? acknowledgeBy : receivedAt, policy.respondWithin, calendar);
  return { acknowledgeBy, respondBy, respondFrom: policy.respondWithin.from };
}

/** Once acknowledged, a response counted from the acknowledgement runs from the day it actually was. */
export function respondByAfterAcknowledgement(policy: ComplaintsPolicy, calendar: WorkingCalendar, acknowledgedAt: Date): Date {
  return dueAfter(acknowledgedAt, policy.respondWithin, calendar);
}

/** Open and past the date of its next step: the acknowledgement while received, the response until resolved. */
export function isComplaintOverdue(c: { status: string; acknowledgeBy: Date | null; respondBy: Date | null }, now: Date): boolean {
  if (c.status === 'resolved') return false;
  const past = (d: Date | null) => d !== null && now.getTime() > d.getTime();
  return (c.status === 'received' && past(c.acknowledgeBy)) || past(c.respondBy);
}

/** Whether a step was taken after its due date; null when it has not been taken or no date was set. */
export function wasLate(at: Date | null, dueBy: Date | null): boolean | null {
  return at && dueBy ? at.getTime() > dueBy.getTime() : null;
}
