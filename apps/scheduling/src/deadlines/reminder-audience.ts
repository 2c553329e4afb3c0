import { DeadlineRuleSchema, type DeadlineRule } from '@mediation/protocol';
import type { DeadlineRecord } from './deadline.repository';

export type ReminderAudience = Pick<DeadlineRule['reminders'][number], 'audience' | 'partyRoles'>;

/** Who the deadline's n-th pending reminder is for; a row without the mapping (set before it existed) reminds the assigned staff, as it always did. */
export function reminderAudience(deadline: Pick<DeadlineRecord, 'ruleDefinition' | 'reminderRules'>, reminder: number): ReminderAudience {
  const parsed = DeadlineRuleSchema.safeParse(deadline.ruleDefinition);
  const index = deadline.reminderRules[reminder];
  const found = parsed.success && index !== undefined ? parsed.data.reminders[index] : undefined;
  return found ? { audience: found.audience, ...(found.partyRoles ? { partyRoles: found.partyRoles } : {}) } : { audience: ['assigned-staff'] };
}
