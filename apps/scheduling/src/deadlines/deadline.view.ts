import { DeadlineViewSchema, type DeadlineView } from '@mediation/protocol';
import type { DeadlineRecord } from './deadline.repository';

export function toDeadlineView(row: DeadlineRecord): DeadlineView {
  return DeadlineViewSchema.parse({
    id: row.id,
    rule: row.rule,
    basis: row.basis,
    startedAt: row.startedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    firedAt: row.firedAt?.toISOString() ?? null,
  });
}
