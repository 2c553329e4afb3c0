import { Injectable } from '@nestjs/common';
import { uuidv7, type CreateVenueBody, type RpcMeta, type VenueView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { VenueRepository } from './venue.repository';
import { toVenueView } from './venue.view';

@Injectable()
export class CreateVenueUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly venues: VenueRepository,
  ) {}

  execute(meta: RpcMeta, body: CreateVenueBody): Promise<VenueView> {
    return this.db.forTenant(meta, async (tx) =>
      toVenueView(
        await this.venues.create(tx, {
          id: uuidv7(),
          organisationId: meta.organisationId,
          name: body.name,
          address: body.address,
          accessibility: body.accessibility,
        }),
      ),
    );
  }
}
