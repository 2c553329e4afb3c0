import { Inject, Injectable, type Type } from '@nestjs/common';
import { EventConsumer, type EventHandler, type HandlerContext } from '@mediation/messaging';
import { EVENT_CATALOG, PARTNER_EVENT_TYPES, type EventDefinition, type EventEnvelope } from '@mediation/protocol';
import type { WebhooksTx } from '../database/webhooks.database';
import { RecordPublicEventUseCase } from './record-public-event.use-case';

/**
 * One handler per event type partners may receive, all calling the same use-case, on the webhooks service's
 * own durable consumer: however slow partners are, the stream's other consumers (casework, scheduling…) are
 * not held up, and a replay reads the stored log, never them.
 */
function partnerEventHandler(definition: EventDefinition): Type<EventHandler> {
  @Injectable()
  @EventConsumer()
  class PartnerEventHandler implements EventHandler<EventDefinition, WebhooksTx> {
    readonly consumes = definition;
    readonly purpose = `partners-${definition.type}`;
    // Partners read one referral's events in the order they happened, whatever their types.
    readonly needsOrderAcrossTypes = true;
    constructor(@Inject(RecordPublicEventUseCase) private readonly record: RecordPublicEventUseCase) {}
    handle(event: EventEnvelope, tx: WebhooksTx, context: HandlerContext) {
      return this.record.execute(tx, event, context);
    }
  }
  Object.defineProperty(PartnerEventHandler, 'name', { value: `PartnerEventHandler(${definition.type})` });
  return PartnerEventHandler;
}

export const PARTNER_EVENT_HANDLERS: Type<EventHandler>[] = EVENT_CATALOG.filter((event) => PARTNER_EVENT_TYPES.includes(event.type)).map(partnerEventHandler);
