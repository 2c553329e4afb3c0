import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { OrganisationProfileChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { EvidenceTx } from '../database/evidence.database';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/** Keeps evidence's copy of the organisation's name and address, which a court bundle is issued in. */
@Injectable()
@EventConsumer()
export class OrganisationProfileChangedHandler implements EventHandler<typeof OrganisationProfileChangedV1, EvidenceTx> {
  readonly consumes = OrganisationProfileChangedV1;

  constructor(private readonly profiles: OrganisationProfileRepository) {}

  handle(event: EventEnvelope<EventData<typeof OrganisationProfileChangedV1>>, tx: EvidenceTx): Promise<void> {
    const profile = event.data;
    return this.profiles.keepNewer(tx, {
      organisationId: event.organisationid,
      name: profile.name,
      address: profile.address ?? [],
      version: profile.version,
      changedAt: new Date(profile.changedAt),
    });
  }
}
