import { Injectable } from '@nestjs/common';
import type { RiskAssessment } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type RiskAssessmentRecord = RiskAssessment;

/** Assessments are added, never edited: the latest is current, the earlier ones its history. */
@Injectable()
export class RiskAssessmentRepository {
  create(tx: CaseworkTx, record: Omit<RiskAssessmentRecord, 'factors'> & { factors: string[] }): Promise<RiskAssessmentRecord> {
    return tx.riskAssessment.create({ data: record });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<RiskAssessmentRecord[]> {
    return tx.riskAssessment.findMany({ where: { caseId }, orderBy: { assessedAt: 'desc' } });
  }
}
