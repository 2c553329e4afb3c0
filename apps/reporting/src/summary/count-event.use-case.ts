import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { ContractCountsRepository, type CountField } from './contract-counts.repository';

/** Folds one event into the per-contract counts; the inbox has already made sure it is new. */
@Injectable()
export class CountEventUseCase {
  constructor(private readonly counts: ContractCountsRepository) {}

  async execute(tx: ReportingTx, event: EventEnvelope<object>, changes: Partial<Record<CountField, number>>, outcome?: string): Promise<void> {
    const contractId = contractOf(event);
    if (!contractId) return;
    await this.counts.increment(tx, event.organisationid, contractId, changes);
    if (outcome) await this.counts.countOutcome(tx, event.organisationid, contractId, outcome);
  }

  /** A milestone reached on a case of the contract, for the `count` KPIs. */
  async milestone(tx: ReportingTx, event: EventEnvelope<object>, milestone: string): Promise<void> {
    const contractId = contractOf(event);
    if (contractId) await this.counts.countMilestone(tx, event.organisationid, contractId, milestone);
  }
}

function contractOf(event: EventEnvelope<object>): string | undefined {
  return event.contractid ?? (event.data as { contractId?: string }).contractId;
}
