import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { CertificateIssuedToPartyV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailCertificateUseCase } from './email-certificate.use-case';

@Injectable()
@EventConsumer()
export class CertificateIssuedHandler implements EventHandler<typeof CertificateIssuedToPartyV1, NotifyTx> {
  readonly consumes = CertificateIssuedToPartyV1;

  constructor(private readonly emailCertificate: EmailCertificateUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CertificateIssuedToPartyV1>>, tx: NotifyTx, context: HandlerContext): Promise<void> {
    return this.emailCertificate.execute(tx, event, context);
  }
}
