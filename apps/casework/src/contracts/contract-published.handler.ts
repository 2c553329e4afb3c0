import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { ContractPublishedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordContractVersionUseCase } from './record-contract-version.use-case';

@Injectable()
@EventConsumer()
export class ContractPublishedHandler implements EventHandler<typeof ContractPublishedV2, CaseworkTx> {
  readonly consumes = ContractPublishedV2;

  constructor(private readonly record: RecordContractVersionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof ContractPublishedV2>>, tx: CaseworkTx): Promise<void> {
    return this.record.execute(tx, event);
  }
}
