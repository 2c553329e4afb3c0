import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { VenueRepository } from './venue.repository';
import { toVenueView } from './venue.view';

@Injectable()
export class ListVenuesUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly venues: VenueRepository,
  ) {}

  execute(meta: RpcMeta) {
    return this.db.forTenant(meta, async (tx) => ({ items: (await this.venues.list(tx, meta.organisationId)).map(toVenueView) }));
  }
}
