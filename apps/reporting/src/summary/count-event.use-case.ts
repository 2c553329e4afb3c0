import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import type { EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { ContractCountsRepository, type CountField } from './contract-counts.repository';

/**
 * Folds one event into the per-contract counts, on the London day it happened (`happenedAt`, e.g. a
 * referral's receipt, which may be earlier than the event); the inbox has already made sure it is new.
 */
@Injectable()
export class CountEventUseCase {
  constructor(private readonly counts: ContractCountsRepository) {}

  async execute(
    tx: ReportingTx,
    event: EventEnvelope<object>,
    happenedAt: string,
    changes: Partial<Record<CountField, number>>,
    outcome?: string,
  ): Promise<void> {
    const contractId = contractOf(event);
    if (!contractId) return;
    const day = londonDate(new Date(happenedAt));
    await this.counts.increment(tx, event.organisationid, contractId, day, changes);
    if (outcome) await this.counts.countOutcome(tx, event.organisationid, contractId, day, outcome);
  }

  /** A milestone reached on a case of the contract, for the `count` KPIs. */
  async milestone(tx: ReportingTx, event: EventEnvelope<object>, happenedAt: string, milestone: string): Promise<void> {
    const contractId = contractOf(event);
    if (contractId) await this.counts.countMilestone(tx, event.organisationid, contractId, londonDate(new Date(happenedAt)), milestone);
  }
}

function contractOf(event: EventEnvelope<object>): string | undefined {
  return event.contractid ?? (event.data as { contractId?: string }).contractId;
}
