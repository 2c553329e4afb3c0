import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { ContractPublishedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { DeclareInvoiceSchedulesUseCase, isInvoiced } from './declare-invoice-schedules.use-case';

export { invoiceSchedulerId } from './declare-invoice-schedules.use-case';

/**
 * A contract published with a priced line gets (or keeps, re-declared with each version) its BullMQ
 * job scheduler: the draft of each billing period, on the period's first London day. Its own durable
 * beside the contract book's (purpose `invoice-schedule`).
 */
@Injectable()
@EventConsumer()
export class InvoiceScheduleHandler implements EventHandler<typeof ContractPublishedV2, BillingTx> {
  readonly consumes = ContractPublishedV2;
  readonly purpose = 'invoice-schedule';

  constructor(private readonly schedules: DeclareInvoiceSchedulesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof ContractPublishedV2>>, _tx: BillingTx, context: HandlerContext): Promise<void> {
    const { contractId, status, definition } = event.data;
    if (!isInvoiced(status, definition)) return;
    context.afterCommit(() => this.schedules.declare(event.organisationid, contractId, definition));
  }
}
