import { Injectable } from '@nestjs/common';
import type { Case, Prisma } from '../generated/prisma/client';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';

export type CaseRecord = Case;
/** What an event about a case is filed under: the case, its tenant and contract, and its version after the change. */
export type CaseVersion = Pick<CaseRecord, 'id' | 'organisationId' | 'contractId' | 'version'>;

export interface CaseFilter {
  organisationId: string;
  contractIds?: string[];
  contractId?: string;
  status?: string;
  assigneeStaffId?: string;
  cursor?: string;
  limit: number;
}

@Injectable()
export class CaseRepository {
  constructor(private readonly db: CaseworkDatabase) {}

  /**
   * The contract and reference of each case, by case id, for lists across cases (each id asked once);
   * a case outside `contractIds` (the caller's scope) is left out.
   */
  async referencesOf(
    tx: CaseworkTx,
    organisationId: string,
    caseIds: Iterable<string>,
    contractIds?: readonly string[],
  ): Promise<Map<string, { contractId: string; reference: string }>> {
    const rows = await tx.case.findMany({
      where: { organisationId, id: { in: [...new Set(caseIds)] }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
      select: { id: true, contractId: true, reference: true },
    });
    return new Map(rows.map(({ id, ...ref }) => [id, ref]));
  }

  /** Case rows are behind row-level security: reads run in a transaction that names the tenant. */
  findById(organisationId: string, id: string): Promise<CaseRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.case.findFirst({ where: { organisationId, id } }));
  }

  findInTx(tx: CaseworkTx, organisationId: string, id: string): Promise<CaseRecord | null> {
    return tx.case.findFirst({ where: { organisationId, id } });
  }

  /** Locks the row, so two changes to one case queue rather than both reading the same status. */
  async lock(tx: CaseworkTx, organisationId: string, id: string): Promise<CaseRecord | null> {
    await tx.$executeRawUnsafe(`SELECT 1 FROM casework."case" WHERE id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`, id, organisationId);
    return tx.case.findFirst({ where: { organisationId, id } });
  }

  /** Applies a change and bumps the version, which orders the case's events. */
  update(tx: CaseworkTx, c: CaseRecord, data: Prisma.CaseUpdateInput): Promise<CaseRecord> {
    return tx.case.update({ where: { id: c.id }, data: { ...data, version: { increment: 1 } } });
  }

  /** Newest first by id (uuidv7 is time-ordered), so the cursor is the last id of the page. */
  list(tx: CaseworkTx, filter: CaseFilter): Promise<CaseRecord[]> {
    const where: Prisma.CaseWhereInput = {
      organisationId: filter.organisationId,
      ...(filter.contractId ? { contractId: filter.contractId } : {}),
      ...(filter.contractIds
        ? { contractId: { in: filter.contractId ? filter.contractIds.filter((id) => id === filter.contractId) : filter.contractIds } }
        : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
    };
    return filter.assigneeStaffId
      ? this.listAssignedTo(tx, where, filter.assigneeStaffId, filter.limit)
      : tx.case.findMany({ where, orderBy: { id: 'desc' }, take: filter.limit + 1 });
  }

  private async listAssignedTo(tx: CaseworkTx, where: Prisma.CaseWhereInput, staffId: string, limit: number): Promise<CaseRecord[]> {
    const assigned = await tx.assignment.findMany({ where: { staffId, endedAt: null }, select: { caseId: true } });
    return tx.case.findMany({ where: { AND: [where, { id: { in: assigned.map((a) => a.caseId) } }] }, orderBy: { id: 'desc' }, take: limit + 1 });
  }
}
