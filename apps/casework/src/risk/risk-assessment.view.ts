import { RiskAssessmentViewSchema, type RiskAssessmentView } from '@mediation/protocol';
import type { RiskAssessmentRecord } from './risk-assessment.repository';

export function toRiskAssessmentView(row: RiskAssessmentRecord): RiskAssessmentView {
  return RiskAssessmentViewSchema.parse({ ...row, reviewOn: row.reviewOn.toISOString().slice(0, 10), assessedAt: row.assessedAt.toISOString() });
}
