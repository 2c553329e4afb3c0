import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { DeadlineDueSoonV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { DEADLINE_REMINDER, deadlineReminder } from './deadline-reminder.template';

/** One reminder email per recipient of a due-soon deadline; a recipient named twice is emailed once. */
@Injectable()
export class RemindDeadlineUseCase {
  constructor(private readonly emails: EmailRequests) {}

  async execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof DeadlineDueSoonV1>>, context: HandlerContext): Promise<void> {
    const due = event.data;
    const recipients = new Map(due.recipients.map((r) => [r.email.toLowerCase(), r]));
    for (const [address, recipient] of recipients) {
      await this.emails.requestOnce(tx, event, { kind: DEADLINE_REMINDER, toAddress: address, ...deadlineReminder(due, recipient), referralId: null, caseId: due.caseId }, context);
    }
  }
}
