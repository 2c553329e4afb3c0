import { Injectable } from '@nestjs/common';
import type { DeliveryReceiptV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { PlatformDeliveryLog } from './platform-delivery-log';

/** A text's delivery receipt goes into the case's log beside the entry for its sending: it reached the phone, or it did not and why. */
@Injectable()
export class RecordDeliveryReceiptUseCase {
  constructor(private readonly deliveries: PlatformDeliveryLog) {}

  execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliveryReceiptV1>>): Promise<void> {
    const receipt = event.data;
    const delivered = receipt.outcome === 'delivered';
    return this.deliveries.record(
      tx,
      event,
      receipt,
      {
        counterpart: `recipient of the ${receipt.kind}`,
        subject: `Receipt: ${receipt.kind}`,
        summary: delivered
          ? 'Delivered to the phone (the text provider’s receipt).'
          : `Not delivered to the phone: the text provider reported “${receipt.providerStatus}”.`,
        occurredAt: new Date(receipt.receivedAt),
        failed: !delivered,
      },
      { receipt: true },
    );
  }
}
