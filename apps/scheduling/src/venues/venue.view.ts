import { VenueViewSchema, type VenueView } from '@mediation/protocol';
import type { VenueRecord } from './venue.repository';

export function toVenueView(row: VenueRecord): VenueView {
  return VenueViewSchema.parse({ id: row.id, name: row.name, address: row.address, accessibility: row.accessibility, createdAt: row.createdAt.toISOString() });
}
