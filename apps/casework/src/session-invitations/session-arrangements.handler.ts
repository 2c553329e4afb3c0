import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { SessionArrangementsV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { InvitePartiesUseCase } from './invite-parties.use-case';

@Injectable()
@EventConsumer()
export class SessionArrangementsHandler implements EventHandler<typeof SessionArrangementsV1, CaseworkTx> {
  readonly consumes = SessionArrangementsV1;

  constructor(private readonly inviteParties: InvitePartiesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof SessionArrangementsV1>>, tx: CaseworkTx): Promise<void> {
    await this.inviteParties.execute(tx, event);
  }
}
