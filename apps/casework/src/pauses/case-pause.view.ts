import { CasePauseViewSchema, type CasePauseView } from '@mediation/protocol';
import type { CasePauseRecord } from './case-pause.repository';

export function toCasePauseView(row: CasePauseRecord): CasePauseView {
  return CasePauseViewSchema.parse({
    id: row.id,
    caseId: row.caseId,
    pausedAt: row.pausedAt.toISOString(),
    reason: row.reason,
    agreedWith: row.agreedWith,
    resumedAt: row.resumedAt?.toISOString() ?? null,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
  });
}
