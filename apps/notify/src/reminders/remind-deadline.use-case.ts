import { Injectable, Logger } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { DeadlineDueSoonV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { DEADLINE_REMINDER, deadlineReminder } from './deadline-reminder.template';

/** One reminder email per recipient of a due-soon deadline; a recipient named twice is emailed once, and a deadline already passed (the event came late) is not reminded. */
@Injectable()
export class RemindDeadlineUseCase {
  private readonly logger = new Logger(RemindDeadlineUseCase.name);

  constructor(
    private readonly emails: EmailRequests,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof DeadlineDueSoonV1>>, context: HandlerContext): Promise<void> {
    const due = event.data;
    if (new Date(due.dueAt).getTime() <= this.clock.now().getTime()) {
      this.logger.log(`deadline ${due.deadlineId}: due ${due.dueAt}, already passed; no reminder sent`);
      return;
    }
    const recipients = new Map(due.recipients.map((r) => [r.email.toLowerCase(), r]));
    for (const [address, recipient] of recipients) {
      await this.emails.requestOnce(
        tx,
        event,
        { kind: DEADLINE_REMINDER, toAddress: address, ...deadlineReminder(due, recipient), referralId: null, caseId: due.caseId },
        context,
      );
    }
  }
}
