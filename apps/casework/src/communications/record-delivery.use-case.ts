import { Injectable } from '@nestjs/common';
import type { DeliverySentV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { PlatformDeliveryLog } from './platform-delivery-log';

/** What notify sent goes into the case's log, like an entry logged by hand. */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(private readonly deliveries: PlatformDeliveryLog) {}

  execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliverySentV1>>): Promise<void> {
    const sent = event.data;
    return this.deliveries.record(tx, event, sent, {
      counterpart: sent.to,
      subject: sent.subjectLine ?? sent.kind,
      summary: `Sent by the platform: ${sent.kind}`,
      occurredAt: new Date(sent.sentAt),
    });
  }
}
