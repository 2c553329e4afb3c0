import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { InvoiceEmailRequestedV1, PackEmailRequestedV1, SpendAlertEmailRequestedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailContractDocumentsUseCase } from './email-contract-documents.use-case';

@Injectable()
@EventConsumer()
export class InvoiceEmailRequestedHandler implements EventHandler<typeof InvoiceEmailRequestedV1, NotifyTx> {
  readonly consumes = InvoiceEmailRequestedV1;

  constructor(private readonly emails: EmailContractDocumentsUseCase) {}

  handle(event: EventEnvelope<EventData<typeof InvoiceEmailRequestedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emails.invoice(tx, event, context);
  }
}

@Injectable()
@EventConsumer()
export class SpendAlertEmailRequestedHandler implements EventHandler<typeof SpendAlertEmailRequestedV1, NotifyTx> {
  readonly consumes = SpendAlertEmailRequestedV1;

  constructor(private readonly emails: EmailContractDocumentsUseCase) {}

  handle(event: EventEnvelope<EventData<typeof SpendAlertEmailRequestedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emails.spendAlert(tx, event, context);
  }
}

@Injectable()
@EventConsumer()
export class PackEmailRequestedHandler implements EventHandler<typeof PackEmailRequestedV1, NotifyTx> {
  readonly consumes = PackEmailRequestedV1;

  constructor(private readonly emails: EmailContractDocumentsUseCase) {}

  handle(event: EventEnvelope<EventData<typeof PackEmailRequestedV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emails.pack(tx, event, context);
  }
}
