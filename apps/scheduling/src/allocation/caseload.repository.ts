import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';

/** Reads the assignments the case-file projection keeps (read-only here): open cases per member of staff. */
@Injectable()
export class CaseloadRepository {
  async activeCases(tx: SchedulingTx, organisationId: string, staffIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await tx.caseAssignment.findMany({ where: { organisationId, staffId: { in: [...staffIds] }, endedAt: null }, select: { staffId: true, caseId: true } });
    const cases = new Map<string, Set<string>>();
    // A person assigned twice to one case (say as mediator and witness) carries it once.
    for (const r of rows) cases.set(r.staffId, (cases.get(r.staffId) ?? new Set()).add(r.caseId));
    return new Map([...cases].map(([staffId, set]) => [staffId, set.size]));
  }
}
