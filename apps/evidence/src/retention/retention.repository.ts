import { Injectable } from '@nestjs/common';
import type { Bundle } from '../generated/prisma/client';
import type { EvidenceTx } from '../database/evidence.database';
import type { EvidenceRecord } from '../items/evidence.repository';

@Injectable()
export class RetentionRepository {
  async setCaseHold(tx: EvidenceTx, row: { organisationId: string; caseId: string; legalHold: boolean; reason: string; changedAt: Date }): Promise<void> {
    await tx.caseHold.upsert({ where: { organisationId_caseId: { organisationId: row.organisationId, caseId: row.caseId } }, create: row, update: row });
  }

  /** Marks every exhibit of the case held or not; returns those whose state changed. */
  async holdItems(tx: EvidenceTx, organisationId: string, caseId: string, onHold: boolean): Promise<EvidenceRecord[]> {
    const changing = await tx.evidenceItem.findMany({ where: { organisationId, caseId, onHold: !onHold }, include: { versions: true } });
    await tx.evidenceItem.updateMany({ where: { organisationId, caseId, onHold: !onHold }, data: { onHold } });
    return changing;
  }

  /** The case's exhibits whose files are still stored, with every version. */
  storedItems(tx: EvidenceTx, organisationId: string, caseId: string): Promise<EvidenceRecord[]> {
    return tx.evidenceItem.findMany({ where: { organisationId, caseId, objectsDeletedAt: null }, include: { versions: true } });
  }

  storedBundles(tx: EvidenceTx, organisationId: string, caseId: string): Promise<Bundle[]> {
    return tx.bundle.findMany({ where: { organisationId, caseId, objectDeletedAt: null } });
  }

  async markItemsDeleted(tx: EvidenceTx, ids: string[], at: Date): Promise<void> {
    await tx.evidenceItem.updateMany({ where: { id: { in: ids } }, data: { objectsDeletedAt: at } });
  }

  async markBundlesDeleted(tx: EvidenceTx, ids: string[], at: Date): Promise<void> {
    await tx.bundle.updateMany({ where: { id: { in: ids } }, data: { objectDeletedAt: at } });
  }
}
