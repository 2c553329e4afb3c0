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
}
