import { CaseViewSchema, type CaseView } from '@mediation/protocol';
import type { CaseRecord } from './case.repository';

export function toCaseView(row: CaseRecord): CaseView {
  return CaseViewSchema.parse({ ...row, openedAt: row.openedAt.toISOString() });
}
