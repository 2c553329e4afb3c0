import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, VenueView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { VenueRepository } from './venue.repository';
import { toVenueView } from './venue.view';

@Injectable()
export class GetVenueUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly venues: VenueRepository,
  ) {}

  execute(meta: RpcMeta, venueId: string): Promise<VenueView> {
    return this.db.forTenant(meta, async (tx) => {
      const row = await this.venues.find(tx, meta.organisationId, venueId);
      if (!row) throw ProblemError.notFound('venue', venueId);
      return toVenueView(row);
    });
  }
}
