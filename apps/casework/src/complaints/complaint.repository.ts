import { Injectable } from '@nestjs/common';
import type { Complaint, Prisma } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type ComplaintRecord = Complaint;

@Injectable()
export class ComplaintRepository {
  create(tx: CaseworkTx, record: ComplaintRecord): Promise<ComplaintRecord> {
    return tx.complaint.create({ data: record });
  }

  findById(tx: CaseworkTx, caseId: string, id: string): Promise<ComplaintRecord | null> {
    return tx.complaint.findFirst({ where: { caseId, id } });
  }

  update(tx: CaseworkTx, id: string, data: Prisma.ComplaintUpdateInput): Promise<ComplaintRecord> {
    return tx.complaint.update({ where: { id }, data });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<ComplaintRecord[]> {
    return tx.complaint.findMany({ where: { caseId }, orderBy: { receivedAt: 'asc' } });
  }

  /** Complaints not yet resolved across the tenant, oldest first; with `overdueAt`, only those past their next step then. */
  listOpen(tx: CaseworkTx, organisationId: string, overdueAt?: Date): Promise<ComplaintRecord[]> {
    const overdue: Prisma.ComplaintWhereInput = overdueAt
      ? { OR: [{ status: 'received', acknowledgeBy: { lt: overdueAt } }, { respondBy: { lt: overdueAt } }] }
      : {};
    return tx.complaint.findMany({ where: { organisationId, status: { not: 'resolved' }, ...overdue }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] });
  }
}
