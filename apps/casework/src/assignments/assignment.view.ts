import { AssignmentViewSchema, type AssignmentView } from '@mediation/protocol';
import type { AssignmentRecord } from './assignment.repository';

export function toAssignmentView(row: AssignmentRecord): AssignmentView {
  return AssignmentViewSchema.parse({ ...row, assignedAt: row.assignedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null });
}
