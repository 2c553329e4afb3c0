import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { ComplaintReferrerNoticeIssuedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { COMPLAINT_NOTICE_EMAIL, complaintNoticeEmail } from './complaint-notice-email.template';

/** Queues the complaint notice to the referring officer; it lands in the case's communications log like every delivery. */
@Injectable()
export class EmailComplaintNoticeUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof ComplaintReferrerNoticeIssuedV1>>, context: HandlerContext): Promise<void> {
    const notice = event.data;
    return this.emails.requestOnce(
      tx,
      event,
      { kind: COMPLAINT_NOTICE_EMAIL, toAddress: notice.recipient.email, ...complaintNoticeEmail(notice), referralId: null, caseId: notice.caseId },
      context,
    );
  }
}
