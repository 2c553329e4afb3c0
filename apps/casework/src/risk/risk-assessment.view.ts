import { londonDate } from '@mediation/calendar';
import { RiskAssessmentViewSchema, type RiskAssessmentView } from '@mediation/protocol';
import type { RiskAssessmentRecord } from './risk-assessment.repository';

/** Only the case's current (latest) assessment is due for review: a later one has replaced the others. `now` is the injected clock. */
export function toRiskAssessmentView(row: RiskAssessmentRecord, now: Date, current: boolean): RiskAssessmentView {
  const reviewOn = row.reviewOn.toISOString().slice(0, 10);
  const today = londonDate(now);
  return RiskAssessmentViewSchema.parse({
    ...row,
    reviewOn,
    assessedAt: row.assessedAt.toISOString(),
    reviewDue: current && today >= reviewOn,
    reviewOverdue: current && today > reviewOn,
  });
}
