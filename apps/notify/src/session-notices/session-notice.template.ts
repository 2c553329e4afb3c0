import { londonDateTime } from '@mediation/documents';
import type { EventData, SessionInvitationIssuedV1 } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

/** What every notice of a session reads: the invitation's fields, without whom it goes to. */
export type SessionNotice = Pick<
  EventData<typeof SessionInvitationIssuedV1>,
  'sessionId' | 'change' | 'sequence' | 'sessionTypeLabel' | 'mode' | 'startsAt' | 'endsAt' | 'previousStartsAt' | 'place' | 'location' | 'videoLink' | 'reason'
>;

/** The delivery kind of each change: one event yields one delivery of its kind per recipient. */
export const SESSION_NOTICE_KINDS = {
  booked: 'session-invitation',
  moved: 'session-update',
  cancelled: 'session-cancellation',
  reminder: 'session-reminder',
} as const;

/** "Thursday 10 June 2027, 10:00 to 13:00 (UK time)": London's wall clock, with the day's name. */
export function when(notice: Pick<SessionNotice, 'startsAt' | 'endsAt'>): string {
  return `${londonDateTime(notice.startsAt)} to ${londonDateTime(notice.endsAt).split(', ')[1]} (UK time)`;
}

/** Where, as the person attending needs it: the venue and its access, the place, the video link, or the phone. */
export function where(notice: SessionNotice): string[] {
  if (notice.mode === 'video')
    return notice.videoLink ? [`By video. Join at: ${notice.videoLink}`] : ['By video. We will send you the link to join before the day.'];
  if (notice.mode === 'phone') return ['By phone. We will call you at the time above on the number we hold for you.'];
  if (notice.place)
    return [
      `At ${oneLine(notice.place.name)}, ${notice.place.address.map(oneLine).join(', ')}`,
      ...(notice.place.accessibility.length > 0 ? [`Access: ${notice.place.accessibility.map(oneLine).join('; ')}`] : []),
    ];
  return [notice.location ? `At ${oneLine(notice.location)}` : 'In person; we will confirm the place with you.'];
}

/** The one line the calendar shows as the place. */
export function calendarLocation(notice: SessionNotice): string | null {
  if (notice.mode === 'video') return notice.videoLink;
  if (notice.mode === 'phone') return 'By phone';
  if (notice.place) return [notice.place.name, ...notice.place.address].map(oneLine).join(', ');
  return notice.location ? oneLine(notice.location) : null;
}

export function subjectLine(notice: SessionNotice, reference: string | null): string {
  const what = oneLine(notice.sessionTypeLabel).toLowerCase();
  const day = londonDateTime(notice.startsAt);
  const ref = reference ? ` (${oneLine(reference)})` : '';
  switch (notice.change) {
    case 'booked':
      return `Invitation: ${what} on ${day}${ref}`;
    case 'moved':
      return `Changed: your ${what} is now on ${day}${ref}`;
    case 'cancelled':
      return `Cancelled: ${what} on ${day}${ref}`;
    case 'reminder':
      return `Reminder: ${what} on ${day}${ref}`;
  }
}

/** The body's account of the session, for a party or a member of staff alike; the greeting and the sign-off are the caller's. */
export function sessionLines(notice: SessionNotice, extra: { reference: string | null; interpreterLanguage?: string | null }): string[] {
  const what = oneLine(notice.sessionTypeLabel).toLowerCase();
  const ref = extra.reference ? ` (reference ${oneLine(extra.reference)})` : '';
  const opening = {
    booked: `You are invited to a ${what}${ref}.`,
    moved: `Your ${what}${ref} has moved${notice.previousStartsAt ? ` from ${londonDateTime(notice.previousStartsAt)}` : ''}. The new time is below; your calendar entry is updated.`,
    cancelled: `Your ${what}${ref} has been cancelled${notice.reason ? `: ${oneLine(notice.reason)}` : ''}. Your calendar entry is removed.`,
    reminder: `This is a reminder of your ${what}${ref}.`,
  }[notice.change];
  if (notice.change === 'cancelled') return [opening, '', `It was to be on ${when(notice)}.`];
  return [
    opening,
    '',
    `When: ${when(notice)}`,
    ...where(notice).map((line, i) => (i === 0 ? `Where: ${line}` : `       ${line}`)),
    ...(extra.interpreterLanguage ? ['', `A ${oneLine(extra.interpreterLanguage)} interpreter has been arranged for you.`] : []),
    '',
    'The calendar entry is attached.',
  ];
}

/** A text message: short, with what a phone shows and no attachment. */
export function sessionText(notice: SessionNotice, name: string, reference: string): string {
  const what = oneLine(notice.sessionTypeLabel).toLowerCase();
  const head = {
    booked: `your ${what} is booked for`,
    moved: `your ${what} has moved to`,
    cancelled: `your ${what} on`,
    reminder: `a reminder of your ${what} on`,
  }[notice.change];
  const place = notice.change === 'cancelled' ? ' has been cancelled.' : `. ${where(notice)[0]}`;
  return `Dear ${oneLine(name)}, ${head} ${when(notice)}${place} Ref ${oneLine(reference)}.`;
}

/**
 * The personalisation a GOV.UK Notify text template is given, one field per placeholder: a service
 * sets up one template, e.g. "Dear ((name)), ((what)) ((date)) ((time)). ((place)) Ref ((reference))."
 */
export function sessionTextFields(notice: SessionNotice, name: string, reference: string): Record<string, string> {
  const [date, time] = londonDateTime(notice.startsAt).split(', ');
  const what = oneLine(notice.sessionTypeLabel).toLowerCase();
  return {
    name: oneLine(name),
    what: {
      booked: `your ${what} is booked for`,
      moved: `your ${what} has moved to`,
      cancelled: `your ${what} has been cancelled; it was on`,
      reminder: `a reminder of your ${what} on`,
    }[notice.change],
    date,
    time: `${time} (UK time)`,
    place: notice.change === 'cancelled' ? '' : where(notice)[0],
    reference: oneLine(reference),
  };
}
