import { Injectable } from '@nestjs/common';
import { Jobs, JobsService } from '@mediation/jobs';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { ContractPublishedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { invoiceCron, invoiceFrequencyOf } from '../pricing/billing-calendar';

export const invoiceSchedulerId = (contractId: string) => `invoices-${contractId}`;

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

  constructor(private readonly jobs: JobsService) {}

  async handle(event: EventEnvelope<EventData<typeof ContractPublishedV2>>, _tx: BillingTx, context: HandlerContext): Promise<void> {
    const { contractId, status, definition } = event.data;
    if (status !== 'active' || !definition.serviceLines.some((line) => line.pricing)) return;
    const pattern = invoiceCron(definition.period?.start, invoiceFrequencyOf(definition));
    context.afterCommit(() =>
      this.jobs.schedule(Jobs.draftPeriodInvoice, invoiceSchedulerId(contractId), { pattern }, { organisationId: event.organisationid, contractId }),
    );
  }
}
