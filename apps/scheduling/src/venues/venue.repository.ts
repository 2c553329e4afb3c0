import { Injectable } from '@nestjs/common';
import type { Prisma, Venue } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type VenueRecord = Venue;

@Injectable()
export class VenueRepository {
  create(tx: SchedulingTx, data: Prisma.VenueUncheckedCreateInput): Promise<VenueRecord> {
    return tx.venue.create({ data });
  }

  find(tx: SchedulingTx, organisationId: string, id: string): Promise<VenueRecord | null> {
    return tx.venue.findFirst({ where: { organisationId, id } });
  }

  list(tx: SchedulingTx, organisationId: string): Promise<VenueRecord[]> {
    return tx.venue.findMany({ where: { organisationId }, orderBy: { name: 'asc' } });
  }
}
