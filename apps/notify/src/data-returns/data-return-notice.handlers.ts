import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { DataReturnMissingV1, DataReturnReminderDueV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailDataReturnNoticeUseCase } from './email-data-return-notice.use-case';

@Injectable()
@EventConsumer()
export class DataReturnReminderDueHandler implements EventHandler<typeof DataReturnReminderDueV1, NotifyTx> {
  readonly consumes = DataReturnReminderDueV1;
  constructor(private readonly notice: EmailDataReturnNoticeUseCase) {}
  handle(event: EventEnvelope<EventData<typeof DataReturnReminderDueV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.notice.execute(tx, { kind: 'reminder', event }, context);
  }
}

@Injectable()
@EventConsumer()
export class DataReturnMissingHandler implements EventHandler<typeof DataReturnMissingV1, NotifyTx> {
  readonly consumes = DataReturnMissingV1;
  constructor(private readonly notice: EmailDataReturnNoticeUseCase) {}
  handle(event: EventEnvelope<EventData<typeof DataReturnMissingV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.notice.execute(tx, { kind: 'missing', event }, context);
  }
}
