import { Injectable, Logger } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { EventData, EventEnvelope, PartyReminderIssuedV1 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { PARTY_REMINDER, partyReminder } from './party-reminder.template';

/** Queues a deadline reminder to the party casework issued it to, unless its date has passed by now; its delivery names the case, so casework logs it. */
@Injectable()
export class EmailPartyReminderUseCase {
  private readonly logger = new Logger(EmailPartyReminderUseCase.name);

  constructor(
    private readonly emails: EmailRequests,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof PartyReminderIssuedV1>>, context: HandlerContext): Promise<void> {
    const reminder = event.data;
    if (new Date(reminder.dueAt).getTime() <= this.clock.now().getTime()) {
      this.logger.log(`party reminder of deadline ${reminder.deadlineId}: due ${reminder.dueAt}, already passed; not sent`);
      return;
    }
    await this.emails.requestOnce(
      tx,
      event,
      { kind: PARTY_REMINDER, toAddress: reminder.email.toLowerCase(), ...partyReminder(reminder), referralId: null, caseId: reminder.caseId },
      context,
    );
  }
}
