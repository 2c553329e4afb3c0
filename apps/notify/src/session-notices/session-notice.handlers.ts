import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { SessionArrangementsV1, SessionInvitationIssuedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { NotifyPartyOfSessionUseCase } from './notify-party-of-session.use-case';
import { NotifyStaffOfSessionUseCase } from './notify-staff-of-session.use-case';

@Injectable()
@EventConsumer()
export class SessionInvitationIssuedHandler implements EventHandler<typeof SessionInvitationIssuedV1, NotifyTx> {
  readonly consumes = SessionInvitationIssuedV1;

  constructor(private readonly notifyParty: NotifyPartyOfSessionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SessionInvitationIssuedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.notifyParty.execute(tx, event, context);
  }
}

@Injectable()
@EventConsumer()
export class SessionArrangementsHandler implements EventHandler<typeof SessionArrangementsV1, NotifyTx> {
  readonly consumes = SessionArrangementsV1;

  constructor(private readonly notifyStaff: NotifyStaffOfSessionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SessionArrangementsV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.notifyStaff.execute(tx, event, context);
  }
}
