import { CaseViewSchema, type CaseView, type Workflow } from '@mediation/protocol';
import type { AssignmentRecord } from '../assignments/assignment.repository';
import { allowedFrom } from '../workflow/workflow-machine';
import type { CaseRecord } from '../cases/case.repository';

export interface CaseViewParts {
  workflow: Workflow;
  assignments: AssignmentRecord[];
  linkedReferralIds: string[];
  pausedSince: Date | null;
  beganAt: Date;
}

export function toCaseView(row: CaseRecord, parts: CaseViewParts): CaseView {
  return CaseViewSchema.parse({
    ...row,
    openedAt: row.openedAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    clockStartsAt: row.clockStartsAt?.toISOString() ?? null,
    beganAt: parts.beganAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    dates: row.dates ?? {},
    referrer: row.referrer ?? null,
    linkedReferralIds: parts.linkedReferralIds,
    pausedSince: parts.pausedSince?.toISOString() ?? null,
    allowedTransitions: allowedFrom(parts.workflow, row.status).map((t) => ({ to: t.to, requires: t.requires })),
    assignments: parts.assignments.map((a) => ({ id: a.id, staffId: a.staffId, role: a.role, name: a.name })),
  });
}
