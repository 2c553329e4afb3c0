import { Injectable, Logger } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { DeadlineDueSoonV1 } from '@mediation/protocol';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { SchedulingDatabase } from '../database/scheduling.database';
import { envelope } from './deadline-events';
import { DeadlineRepository } from './deadline.repository';
import { reminderAudience } from './reminder-audience';

export type RemindResult = 'reminded' | 'skipped' | 'not-due' | 'settled' | 'stale' | 'missing';

/**
 * A reminder point of a pending deadline came (of either kind: the family's informational appeal
 * deadline is reminded too, though never breached): due-soon is published once per reminder, naming
 * the assigned staff when the reminder is for them and saying whether casework should tell the parties.
 * A reminder whose own London day has gone by, or whose deadline is already due, is skipped, never
 * sent late: a case entered after the fact must not ring every reminder it missed at once.
 */
@Injectable()
export class RemindDeadlineUseCase {
  private readonly logger = new Logger(RemindDeadlineUseCase.name);

  constructor(
    private readonly db: SchedulingDatabase,
    private readonly deadlines: DeadlineRepository,
    private readonly files: CaseFileRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** `early` is told the reminder's time when its alarm rang before it (timers run a few ms early), so the alarm can ring again then instead of leaving it to the sweeper. */
  async execute(organisationId: string, deadlineId: string, revision: number, reminder: number, early?: (at: Date) => Promise<void>): Promise<RemindResult> {
    let dueLater: Date | null = null;
    const result = await this.db.forTenant(organisationId, async (tx): Promise<RemindResult> => {
      const deadline = await this.deadlines.lockById(tx, organisationId, deadlineId);
      if (!deadline) return 'missing';
      if (revision !== deadline.revision) return 'stale';
      const at = deadline.remindersAt[reminder];
      if (deadline.status !== 'pending' || !deadline.dueAt || !at || deadline.remindersSent.includes(reminder)) return 'settled';
      const now = this.clock.now();
      if (at.getTime() > now.getTime()) {
        dueLater = at;
        return 'not-due';
      }
      const reminded = await this.deadlines.markReminded(tx, deadline.id, reminder);
      if (londonDate(at) < londonDate(now) || deadline.dueAt.getTime() <= now.getTime()) {
        this.logger.log(`deadline ${deadline.id}: reminder ${reminder} for ${at.toISOString()} skipped, its day or the deadline has passed`);
        return 'skipped';
      }
      const file = await this.files.find(tx, organisationId, deadline.caseId);
      const { audience, partyRoles } = reminderAudience(deadline, reminder);
      await this.events.append(tx, {
        definition: DeadlineDueSoonV1,
        data: {
          deadlineId: deadline.id,
          caseId: deadline.caseId,
          rule: deadline.rule,
          dueAt: deadline.dueAt.toISOString(),
          label: deadline.label,
          reference: file?.reference ?? '',
          remindedAt: now.toISOString(),
          recipients: audience.includes('assigned-staff') ? await this.files.recipients(tx, organisationId, deadline.caseId) : [],
          audience,
          ...(partyRoles ? { partyRoles } : {}),
          revision: deadline.revision,
          reminder,
        },
        ...envelope(reminded, { correlationId: `deadline-${deadline.id}` }),
      });
      return 'reminded';
    });
    // After the transaction: putting the job back ends this run of it.
    if (dueLater && early) await early(dueLater);
    return result;
  }
}
