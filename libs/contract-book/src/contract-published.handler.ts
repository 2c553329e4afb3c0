import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type SqlTx } from '@mediation/messaging';
import { ContractPublishedV2, type EventData, type EventEnvelope } from '@mediation/protocol';
import { ContractBook } from './contract-book';

/** The one consumer that keeps a service's contract projection; its durable is `<service>__intake.contract.published.v2`, as before the book. */
@Injectable()
@EventConsumer()
export class ContractPublishedHandler implements EventHandler<typeof ContractPublishedV2> {
  readonly consumes = ContractPublishedV2;

  constructor(private readonly book: ContractBook) {}

  handle(event: EventEnvelope<EventData<typeof ContractPublishedV2>>, tx: SqlTx): Promise<void> {
    const { contractId, version, status, template, definition } = event.data;
    return this.book.record(tx, { organisationId: event.organisationid, contractId, version, status, template, definition });
  }
}
