import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import { uuidv7, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryRepository } from './delivery.repository';

/** What the answering use-case decides about a text; the tenant, id and tracing come from the event. */
export interface EventText {
  kind: string;
  /** E.164. */
  toAddress: string;
  body: string;
  templateFields: Record<string, string>;
  caseId: string | null;
}

/** Texts that answer an event: stored once per event, kind and number, sent after the transaction commits, as emails are. */
@Injectable()
export class TextRequests {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async requestOnce(
    tx: NotifyTx,
    event: Pick<EventEnvelope<unknown>, 'id' | 'organisationid' | 'correlationid'>,
    text: EventText,
    context: HandlerContext,
  ): Promise<void> {
    const delivery = {
      id: uuidv7(),
      organisationId: event.organisationid,
      channel: 'sms',
      kind: text.kind,
      toAddress: text.toAddress,
      // A text has no subject: the log shows what it was about.
      subjectLine: `Text: ${text.kind}`,
      body: text.body,
      templateFields: text.templateFields,
      referralId: null,
      caseId: text.caseId,
      sourceEventId: event.id,
      correlationId: event.correlationid,
    };
    const created = await this.deliveries.createOnce(tx, delivery);
    if (created) context.afterCommit(() => this.dispatcher.dispatch(created));
  }
}
