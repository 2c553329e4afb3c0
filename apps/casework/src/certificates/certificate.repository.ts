import { Injectable } from '@nestjs/common';
import type { Certificate } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type CertificateRecord = Certificate;
export type NewCertificate = Omit<CertificateRecord, 'supersededById' | 'supersededAt'>;

@Injectable()
export class CertificateRepository {
  create(tx: CaseworkTx, record: NewCertificate): Promise<CertificateRecord> {
    return tx.certificate.create({ data: record });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CertificateRecord[]> {
    return tx.certificate.findMany({ where: { caseId }, orderBy: { issuedAt: 'asc' } });
  }

  async existsForCase(tx: CaseworkTx, caseId: string): Promise<boolean> {
    return (await tx.certificate.count({ where: { caseId } })) > 0;
  }

  /** The case's certificate not superseded by another, if it has one. */
  current(tx: CaseworkTx, caseId: string): Promise<CertificateRecord | null> {
    return tx.certificate.findFirst({ where: { caseId, supersededById: null } });
  }

  supersede(tx: CaseworkTx, id: string, by: string, at: Date): Promise<CertificateRecord> {
    return tx.certificate.update({ where: { id }, data: { supersededById: by, supersededAt: at } });
  }
}
