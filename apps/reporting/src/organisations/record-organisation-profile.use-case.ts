import { Injectable } from '@nestjs/common';
import type { EventData, OrganisationProfileChangedV1 } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/** Keeps the organisation's name and address for the packs it signs. */
@Injectable()
export class RecordOrganisationProfileUseCase {
  constructor(private readonly profiles: OrganisationProfileRepository) {}
  execute(tx: ReportingTx, data: EventData<typeof OrganisationProfileChangedV1>): Promise<void> {
    return this.profiles.keepNewer(tx, {
      organisationId: data.organisationId,
      name: data.name,
      address: data.address ?? [],
      version: data.version,
      changedAt: data.changedAt,
    });
  }
}
