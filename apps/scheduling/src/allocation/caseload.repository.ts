import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';

/** Reads the assignments the case-file projection keeps (read-only here): open cases per member of staff, closed and ended cases left out. */
@Injectable()
export class CaseloadRepository {
  async activeCases(tx: SchedulingTx, organisationId: string, staffIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await tx.caseAssignment.findMany({
      where: { organisationId, staffId: { in: [...staffIds] }, endedAt: null },
      select: { staffId: true, caseId: true },
    });
    // A closed or ended case keeps its assignments on record but no longer takes anyone's time; a case not yet projected counts as open.
    const finished = await tx.caseFile.findMany({
      where: { organisationId, caseId: { in: [...new Set(rows.map((r) => r.caseId))] }, status: { not: 'open' } },
      select: { caseId: true },
    });
    const notOpen = new Set(finished.map((f) => f.caseId));
    const cases = new Map<string, Set<string>>();
    // A person assigned twice to one case (say as mediator and witness) carries it once.
    for (const r of rows.filter((r) => !notOpen.has(r.caseId))) cases.set(r.staffId, (cases.get(r.staffId) ?? new Set()).add(r.caseId));
    return new Map([...cases].map(([staffId, set]) => [staffId, set.size]));
  }
}
