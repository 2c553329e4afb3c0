import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { CaseDatesChangedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ServiceLineRulesReader } from '../deadlines/service-line-rules';
import { CaseLock } from '../deadlines/case-lock';
import { RescheduleDeadlinesUseCase } from '../deadlines/reschedule-deadlines.use-case';
import { CaseFileRepository, datesOf } from './case-file.repository';

/** The court moved a hearing (or any case date changed): the case file takes the new dates and the clocks counting on them move; an older change than one applied is ignored. */
@Injectable()
export class ChangeCaseDatesUseCase {
  constructor(
    private readonly lock: CaseLock,
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly reschedule: RescheduleDeadlinesUseCase,
  ) {}

  async execute(tx: SchedulingTx, event: EventEnvelope<EventData<typeof CaseDatesChangedV1>>, context: HandlerContext): Promise<number> {
    // Locked first, so a pause applied meanwhile is seen by the clocks this change moves or starts.
    const found = await this.lock.file(tx, event.organisationid, event.data.caseId);
    // Two quick changes can arrive newest first: the case version on the envelope keeps the newer dates in force.
    const file = await this.files.setDatesIfNewer(tx, found.caseId, event.data.dates, event.sequence);
    if (!file) return 0;
    const lines = await this.rules.read(tx, { ...file, correlationId: event.correlationid });
    return this.reschedule.execute(
      tx,
      file,
      lines,
      changedSince(datesOf(found), event.data.dates, event.data.changed),
      { correlationId: event.correlationid, causationId: event.id },
      context,
    );
  }
}

/** The dates that differ from those in force, with those the event names: a newer change applied first may carry an older one's change too. */
function changedSince(before: Record<string, string>, after: Record<string, string>, named: readonly string[]): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...new Set([...named, ...[...keys].filter((k) => before[k] !== after[k])])];
}
