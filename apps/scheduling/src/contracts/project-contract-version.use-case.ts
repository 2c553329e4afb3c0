import { Injectable } from '@nestjs/common';
import type { ContractPublishedV2, EventData } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ContractVersionRepository } from './contract-version.repository';

/** Keeps scheduling's copy of a published contract version, whose deadline rules its cases follow. */
@Injectable()
export class ProjectContractVersionUseCase {
  constructor(private readonly versions: ContractVersionRepository) {}

  execute(tx: SchedulingTx, organisationId: string, published: EventData<typeof ContractPublishedV2>): Promise<void> {
    return this.versions.save(tx, { organisationId, contractId: published.contractId, version: published.version, status: published.status, template: published.template, definition: published.definition });
  }
}
