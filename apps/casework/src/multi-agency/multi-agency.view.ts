import { MultiAgencyViewSchema, type MultiAgencyView } from '@mediation/protocol';
import type { MultiAgencyRecord } from './multi-agency.repository';

const day = (d: Date) => d.toISOString().slice(0, 10);

export function toMultiAgencyView(row: MultiAgencyRecord): MultiAgencyView {
  return MultiAgencyViewSchema.parse({
    id: row.id,
    caseId: row.caseId,
    agencies: row.agencies,
    from: day(row.fromDate),
    to: row.toDate ? day(row.toDate) : null,
  });
}
