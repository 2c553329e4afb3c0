import { Injectable } from '@nestjs/common';
import type { ContractPublishedV2, EventData, EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { ContractVersionRepository } from './contract-version.repository';

/** Keeps casework's own copy of each published version: workflow, outcomes and form fields. */
@Injectable()
export class RecordContractVersionUseCase {
  constructor(private readonly versions: ContractVersionRepository) {}

  execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof ContractPublishedV2>>): Promise<void> {
    const { contractId, version, status, template, definition } = event.data;
    return this.versions.upsert(tx, { contractId, version, status, template, definition, organisationId: event.organisationid });
  }
}
