import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import type { ActivityDeliveredV1, EventData, EventEnvelope } from '@mediation/protocol';
import { ActivityPriceRepository } from '../activity-prices/activity-price.repository';
import { priceOf } from '../activity-prices/activity-price.view';
import type { BillingTx } from '../database/billing.database';
import { priceActivity } from '../pricing/price-activity';
import { contractEntry } from './contract-entry';
import { LedgerWriter } from './ledger-writer';
import { SpendAlerts } from './spend-alerts';

/**
 * A programme activity delivered (a workshop, a drop-in) whose type the contract prices: an `activity` entry at that price,
 * once per activity (`activity:<activityId>`, so a redelivery finds it taken), then the spend checked against the budget or cap.
 * A type with no price records nothing. Independent of a fixed fee's milestone, which the same activity may also reach.
 */
@Injectable()
export class RecordActivityChargeUseCase {
  constructor(
    private readonly book: ContractBook,
    private readonly prices: ActivityPriceRepository,
    private readonly writer: LedgerWriter,
    private readonly alerts: SpendAlerts,
  ) {}

  async execute(tx: BillingTx, event: EventEnvelope<EventData<typeof ActivityDeliveredV1>>): Promise<boolean> {
    const { activityId, contractId, serviceLine, activityType, deliveredAt, totalAttendees } = event.data;
    const organisationId = event.organisationid;
    const price = priceOf(await this.prices.find(tx, { contractId, serviceLine, activityType }));
    if (!price) return false;
    const contract = await this.book.latest(tx, organisationId, contractId, event.correlationid);
    const line = contract?.definition.serviceLines.find((l) => l.key === serviceLine);
    if (!contract || !line) return false;
    const at = new Date(deliveredAt);
    const typeLabel = line.sessionTypes.find((t) => t.key === activityType)?.label ?? activityType;
    const priced = priceActivity(price, { activityType, lineName: line.name, typeLabel, deliveredOn: londonDate(at), totalAttendees });
    if (!priced) return false;
    const appended = await this.writer.append(
      tx,
      contractEntry(
        { organisationId, contractId, version: contract.version, periodStart: contract.definition.period?.start },
        {
          serviceLine,
          kind: 'activity',
          sourceKey: `activity:${activityId}`,
          description: priced.description,
          amountPence: priced.amountPence,
          occurredAt: at,
        },
      ),
      event.correlationid,
    );
    if (appended && priced.amountPence !== 0) await this.alerts.check(tx, organisationId, contract.definition, contractId, at, event.correlationid);
    return appended;
  }
}
