import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import type { ActivityDeliveredV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { SpendAlerts } from './spend-alerts';
import { contractEntry } from './contract-entry';
import { LedgerWriter } from './ledger-writer';

/**
 * A programme activity delivered (seed 002's workshops and drop-ins): when the contract's fixed-fee line
 * has a payment milestone whose key is the activity's milestone (e.g. `workshop.delivered`), that milestone
 * is charged, once per contract (`milestone:<line>:<key>`), whatever the later activities of the kind or the redeliveries.
 * Each workshop at its own price is `record-activity-charge.use-case.ts`, beside this in the same handler.
 */
@Injectable()
export class RecordMilestoneUseCase {
  constructor(
    private readonly book: ContractBook,
    private readonly writer: LedgerWriter,
    private readonly alerts: SpendAlerts,
  ) {}

  async execute(tx: BillingTx, event: EventEnvelope<EventData<typeof ActivityDeliveredV1>>): Promise<boolean> {
    const { contractId, serviceLine, milestone, activityType, deliveredAt } = event.data;
    if (!milestone) return false;
    const organisationId = event.organisationid;
    const contract = await this.book.latest(tx, organisationId, contractId, event.correlationid);
    const line = contract?.definition.serviceLines.find((l) => l.key === serviceLine);
    if (!contract || line?.pricing?.model !== 'fixed-fee') return false;
    const stage = line.pricing.milestones.find((m) => m.key === milestone);
    if (!stage) return false;
    const at = new Date(deliveredAt);
    const appended = await this.writer.append(
      tx,
      contractEntry(
        { organisationId, contractId, version: contract.version, periodStart: contract.definition.period?.start },
        {
          serviceLine,
          kind: 'milestone',
          sourceKey: `milestone:${serviceLine}:${stage.key}`,
          description: `${line.name}: milestone “${stage.label}” delivered (${activityType} on ${londonDate(at)})${stage.pence === null ? '; price not agreed' : ''}`,
          amountPence: stage.pence ?? 0,
          occurredAt: at,
        },
      ),
      event.correlationid,
    );
    if (appended && stage.pence) await this.alerts.check(tx, organisationId, contract.definition, contractId, at, event.correlationid);
    return appended;
  }
}
