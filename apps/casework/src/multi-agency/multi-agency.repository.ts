import { Injectable } from '@nestjs/common';
import type { MultiAgencyInvolvement } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type MultiAgencyRecord = MultiAgencyInvolvement;

@Injectable()
export class MultiAgencyRepository {
  create(tx: CaseworkTx, record: Omit<MultiAgencyRecord, 'agencies'> & { agencies: string[] }): Promise<MultiAgencyRecord> {
    return tx.multiAgencyInvolvement.create({ data: record });
  }

  findById(tx: CaseworkTx, caseId: string, id: string): Promise<MultiAgencyRecord | null> {
    return tx.multiAgencyInvolvement.findFirst({ where: { caseId, id } });
  }

  end(tx: CaseworkTx, id: string, toDate: Date): Promise<MultiAgencyRecord> {
    return tx.multiAgencyInvolvement.update({ where: { id }, data: { toDate } });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<MultiAgencyRecord[]> {
    return tx.multiAgencyInvolvement.findMany({ where: { caseId }, orderBy: { fromDate: 'asc' } });
  }
}
