import { Injectable } from '@nestjs/common';
import type { EventData, EventEnvelope, OrganisationProfileChangedV1 } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/** Keeps casework's copy of the organisation's name and address, which sign its reports and certificates. */
@Injectable()
export class RecordOrganisationProfileUseCase {
  constructor(private readonly profiles: OrganisationProfileRepository) {}

  execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof OrganisationProfileChangedV1>>): Promise<void> {
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
