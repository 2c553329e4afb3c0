import { Injectable } from '@nestjs/common';
import type { Certificate } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type CertificateRecord = Certificate;

@Injectable()
export class CertificateRepository {
  create(tx: CaseworkTx, record: CertificateRecord): Promise<CertificateRecord> {
    return tx.certificate.create({ data: record });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CertificateRecord[]> {
    return tx.certificate.findMany({ where: { caseId }, orderBy: { issuedAt: 'asc' } });
  }

  async existsForCase(tx: CaseworkTx, caseId: string): Promise<boolean> {
    return (await tx.certificate.count({ where: { caseId } })) > 0;
  }
}
