import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { EndpointDisabledV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailEndpointDisabledUseCase } from './email-endpoint-disabled.use-case';

@Injectable()
@EventConsumer()
export class EndpointDisabledHandler implements EventHandler<typeof EndpointDisabledV1, NotifyTx> {
  readonly consumes = EndpointDisabledV1;

  constructor(private readonly email: EmailEndpointDisabledUseCase) {}

  handle(event: EventEnvelope<EventData<typeof EndpointDisabledV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.email.execute(tx, event, context);
  }
}
