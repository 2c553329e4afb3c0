import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { ContractPublishedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ProjectContractVersionUseCase } from './project-contract-version.use-case';

@Injectable()
@EventConsumer()
export class ContractPublishedHandler implements EventHandler<typeof ContractPublishedV2, SchedulingTx> {
  readonly consumes = ContractPublishedV2;

  constructor(private readonly project: ProjectContractVersionUseCase) {}

  handle(event: EventEnvelope<EventData<typeof ContractPublishedV2>>, tx: SchedulingTx): Promise<void> {
    return this.project.execute(tx, event.organisationid, event.data);
  }
}
