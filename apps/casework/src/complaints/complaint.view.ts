import { ComplaintViewSchema, type ComplaintView } from '@mediation/protocol';
import type { ComplaintRecord } from './complaint.repository';

export function toComplaintView(row: ComplaintRecord): ComplaintView {
  return ComplaintViewSchema.parse({ ...row, receivedAt: row.receivedAt.toISOString(), acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null, resolvedAt: row.resolvedAt?.toISOString() ?? null });
}
