import { ComplaintViewSchema, type ComplaintView } from '@mediation/protocol';
import { isComplaintOverdue, wasLate } from './complaint-due-dates';
import type { ComplaintRecord } from './complaint.repository';

/** `overdue` is as of `now` (the injected clock), so it is computed when read, never stored. */
export function toComplaintView(row: ComplaintRecord, now: Date): ComplaintView {
  return ComplaintViewSchema.parse({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    acknowledgeBy: row.acknowledgeBy?.toISOString() ?? null,
    respondBy: row.respondBy?.toISOString() ?? null,
    overdue: isComplaintOverdue(row, now),
    acknowledgedLate: wasLate(row.acknowledgedAt, row.acknowledgeBy),
    resolvedLate: wasLate(row.resolvedAt, row.respondBy),
  });
}
