import { MilestoneViewSchema, type MilestoneView } from '@mediation/protocol';
import type { MilestoneRecord } from './milestone.repository';

export function toMilestoneView(row: MilestoneRecord): MilestoneView {
  return MilestoneViewSchema.parse({ ...row, occurredAt: row.occurredAt.toISOString(), recordedAt: row.recordedAt.toISOString() });
}
