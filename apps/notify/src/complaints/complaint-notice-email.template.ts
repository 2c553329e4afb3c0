import { londonDateTime, londonDay } from '@mediation/documents';
import type { ComplaintReferrerNoticeIssuedV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const COMPLAINT_NOTICE_EMAIL = 'complaint-notice';

/**
 * Tells the referring officer a complaint was received on their case and when the provider will act on it.
 * It never says who complains or what about: the officer follows it up with the provider.
 */
export function complaintNoticeEmail(notice: EventData<typeof ComplaintReferrerNoticeIssuedV1>): { subjectLine: string; body: string } {
  const reference = oneLine(notice.reference);
  const respond =
    notice.respondFrom === 'acknowledged'
      ? `respond by the end of ${londonDay(notice.respondBy)} (counted from the acknowledgement, so this date moves if we acknowledge it earlier or later)`
      : `respond by the end of ${londonDay(notice.respondBy)}`;
  const lines = [
    `Dear ${oneLine(notice.recipient.name)},`,
    '',
    `We received a complaint about our service on the case you referred, ${reference}, on ${londonDateTime(notice.receivedAt)} (UK time).`,
    '',
    `Under the complaints process for this service we will acknowledge it by the end of ${londonDay(notice.acknowledgeBy)} and ${respond}.`,
    '',
    `This email does not include the complaint itself. Please contact us, quoting ${reference}, to discuss it and agree how it is resolved.`,
  ];
  return { subjectLine: `Complaint received on case ${reference}`, body: lines.join('\n') };
}
