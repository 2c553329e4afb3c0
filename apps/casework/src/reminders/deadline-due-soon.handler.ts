import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { DeadlineDueSoonV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RemindPartiesUseCase } from './remind-parties.use-case';

@Injectable()
@EventConsumer()
export class DeadlineDueSoonHandler implements EventHandler<typeof DeadlineDueSoonV1, CaseworkTx> {
  readonly consumes = DeadlineDueSoonV1;

  constructor(private readonly remindParties: RemindPartiesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof DeadlineDueSoonV1>>, tx: CaseworkTx): Promise<void> {
    await this.remindParties.execute(tx, event);
  }
}
