import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { RiskAssessedV1, uuidv7, type RecordRiskBody, type RiskAssessmentView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { RiskAssessmentRepository } from './risk-assessment.repository';
import { toRiskAssessmentView } from './risk-assessment.view';

/** The provider manages each case's risk (housing spec §8.3); a review date keeps the assessment alive. */
@Injectable()
export class RecordRiskAssessmentUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly assessments: RiskAssessmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: RecordRiskBody): Promise<RiskAssessmentView> {
    const now = this.clock.now();
    if (body.reviewOn < now.toISOString().slice(0, 10))
      throw ProblemError.validation([{ field: 'reviewOn', message: 'must be today or later', code: 'in_past' }]);
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const row = await this.assessments.create(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        level: body.level,
        factors: body.factors,
        measures: body.measures ?? null,
        reviewOn: new Date(`${body.reviewOn}T00:00:00Z`),
        assessedBy: meta.actorId,
        assessedAt: now,
      });
      await this.recordEvents.append(tx, meta, c, RiskAssessedV1, {
        assessmentId: row.id,
        level: body.level,
        factorCount: body.factors.length,
        hasMeasures: Boolean(body.measures),
        reviewOn: body.reviewOn,
        assessedAt: now.toISOString(),
      });
      return toRiskAssessmentView(row, now, true);
    });
  }
}
