import { Injectable } from '@nestjs/common';
import type { Bundle, Prisma } from '../generated/prisma/client';
import type { EvidenceTx } from '../database/evidence.database';
import type { EvidenceRecord } from '../items/evidence.repository';

@Injectable()
export class BundleRepository {
  create(tx: EvidenceTx, data: Prisma.BundleUncheckedCreateInput): Promise<Bundle> {
    return tx.bundle.create({ data });
  }

  find(tx: EvidenceTx, organisationId: string, id: string): Promise<Bundle | null> {
    return tx.bundle.findFirst({ where: { organisationId, id } });
  }

  /** The case's bundles, newest first (ids are uuid v7, so the id breaks a tie in time). */
  listForCase(tx: EvidenceTx, organisationId: string, caseId: string): Promise<Bundle[]> {
    return tx.bundle.findMany({ where: { organisationId, caseId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** The chosen exhibits of the case with their versions; those of another case or organisation are simply absent. */
  itemsOfCase(tx: EvidenceTx, organisationId: string, caseId: string, ids: string[]): Promise<EvidenceRecord[]> {
    return tx.evidenceItem.findMany({ where: { organisationId, caseId, id: { in: ids } }, include: { versions: { orderBy: { version: 'asc' } } } });
  }
}
