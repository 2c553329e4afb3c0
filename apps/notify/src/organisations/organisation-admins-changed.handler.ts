import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { OrganisationAdminsChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { OrganisationAdminsRepository } from './organisation-admins.repository';

/** Keeps notify's copy of the organisation's provider-admins, whom it emails about the organisation's own affairs. */
@Injectable()
@EventConsumer()
export class OrganisationAdminsChangedHandler implements EventHandler<typeof OrganisationAdminsChangedV1, NotifyTx> {
  readonly consumes = OrganisationAdminsChangedV1;

  constructor(private readonly admins: OrganisationAdminsRepository) {}

  handle(event: EventEnvelope<EventData<typeof OrganisationAdminsChangedV1>>, tx: NotifyTx): Promise<void> {
    return this.admins.keepLater(tx, event.organisationid, event.data.admins, new Date(event.data.changedAt));
  }
}
