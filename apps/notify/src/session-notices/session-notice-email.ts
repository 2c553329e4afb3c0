import type { DeliveryAttachment } from '../deliveries/delivery.repository';
import { oneLine } from '../mail/mail-text';
import { sessionCalendar } from './session-calendar';
import { calendarLocation, sessionLines, type SessionNotice } from './session-notice.template';

/** The .ics of this version of the session, addressed to one recipient and organised in the organisation's name. */
export function calendarAttachment(
  notice: SessionNotice,
  at: { reference: string | null; organiser: { name: string; email: string }; attendee: { name: string; email: string }; stampedAt: string },
): DeliveryAttachment {
  const cancelled = notice.change === 'cancelled';
  const summary = `${oneLine(notice.sessionTypeLabel)}${at.reference ? ` (${oneLine(at.reference)})` : ''}`;
  return {
    kind: 'calendar',
    filename: cancelled ? 'cancelled.ics' : 'invite.ics',
    method: cancelled ? 'CANCEL' : 'REQUEST',
    content: sessionCalendar({
      sessionId: notice.sessionId,
      sequence: notice.sequence,
      cancelled,
      summary,
      startsAt: notice.startsAt,
      endsAt: notice.endsAt,
      location: calendarLocation(notice),
      url: notice.mode === 'video' ? notice.videoLink : null,
      description: sessionLines(notice, { reference: at.reference }).join('\n'),
      organiser: at.organiser,
      attendee: at.attendee,
      stampedAt: at.stampedAt,
    }),
  };
}
