import { DeadlineViewSchema, SourceSchema, type DeadlineView } from '@mediation/protocol';
import type { DeadlineRecord } from './deadline.repository';

export function toDeadlineView(row: DeadlineRecord): DeadlineView {
  const source = SourceSchema.safeParse(row.basisSource);
  return DeadlineViewSchema.parse({
    id: row.id,
    rule: row.rule,
    occurrence: row.occurrence,
    label: row.label || row.rule,
    kind: row.kind,
    basis: row.basis,
    basisSource: source.success ? source.data : null,
    startedAt: row.startedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    awaitingField: row.awaitingField,
    status: row.status,
    pausedAt: row.pausedAt?.toISOString() ?? null,
    remainingDays: row.remainingDays,
    metAt: row.metAt?.toISOString() ?? null,
    late: row.late,
    revision: row.revision,
    firedAt: row.firedAt?.toISOString() ?? null,
  });
}
