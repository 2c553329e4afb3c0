import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { ContractCountsRepository, type CountField } from './contract-counts.repository';

/** Folds one event into the per-contract counts; the inbox has already made sure it is new. */
@Injectable()
export class CountEventUseCase {
  constructor(private readonly counts: ContractCountsRepository) {}

  async execute(tx: ReportingTx, event: EventEnvelope<object>, changes: Partial<Record<CountField, number>>, outcome?: string): Promise<void> {
    const contractId = event.contractid ?? (event.data as { contractId?: string }).contractId;
    if (!contractId) return;
    await this.counts.increment(tx, event.organisationid, contractId, changes);
    if (outcome) await this.counts.countOutcome(tx, event.organisationid, contractId, outcome);
  }
}
