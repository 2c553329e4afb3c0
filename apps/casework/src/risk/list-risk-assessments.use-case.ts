import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { RiskAssessmentRepository } from './risk-assessment.repository';
import { toRiskAssessmentView } from './risk-assessment.view';

@Injectable()
export class ListRiskAssessmentsUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly assessments: RiskAssessmentRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    const now = this.clock.now();
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.assessments.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map((row, i) => toRiskAssessmentView(row, now, i === 0)),
    }));
  }
}
