import { Injectable } from '@nestjs/common';
import { EventNotReadyError, type HandlerContext } from '@mediation/messaging';
import { uuidv7, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { signOff } from '../mail/mail-text';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryRepository, type NewDelivery } from './delivery.repository';

/** What the answering use-case decides about an email; the tenant, id and tracing come from the event. */
export type EventEmail = Omit<NewDelivery, 'id' | 'organisationId' | 'channel' | 'sourceEventId' | 'correlationId'>;

/**
 * Emails that answer an event: signed with the organisation's name, stored once per event, kind and
 * recipient, and sent only after the transaction commits.
 */
@Injectable()
export class EmailRequests {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly profiles: OrganisationProfileRepository,
  ) {}

  async requestOnce(
    tx: NotifyTx,
    event: Pick<EventEnvelope<unknown>, 'id' | 'organisationid' | 'correlationid'>,
    email: EventEmail,
    context: HandlerContext,
  ): Promise<void> {
    const organisation = await this.profiles.find(event.organisationid, tx);
    // The organisation's profile event is on its way (it goes out when the organisation is made): retried, never signed with a placeholder.
    if (!organisation) throw new EventNotReadyError(`the profile of organisation ${event.organisationid} has not arrived yet; retrying`);
    const body = [email.body, ...signOff(organisation)].join('\n');
    const delivery = {
      id: uuidv7(),
      organisationId: event.organisationid,
      channel: 'email',
      ...email,
      body,
      sourceEventId: event.id,
      correlationId: event.correlationid,
    };
    const created = await this.deliveries.createOnce(tx, delivery);
    if (created) context.afterCommit(() => this.dispatcher.dispatch(created));
  }
}
