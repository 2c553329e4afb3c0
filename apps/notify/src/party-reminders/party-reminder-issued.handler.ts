import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { PartyReminderIssuedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailPartyReminderUseCase } from './email-party-reminder.use-case';

@Injectable()
@EventConsumer()
export class PartyReminderIssuedHandler implements EventHandler<typeof PartyReminderIssuedV1, NotifyTx> {
  readonly consumes = PartyReminderIssuedV1;

  constructor(private readonly emailPartyReminder: EmailPartyReminderUseCase) {}

  handle(event: EventEnvelope<EventData<typeof PartyReminderIssuedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailPartyReminder.execute(tx, event, context);
  }
}
