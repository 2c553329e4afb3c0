import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { CaseDatesChangedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ServiceLineRulesReader } from '../contracts/service-line-rules';
import { CaseFileNotYetKnown } from '../deadlines/record-milestone.use-case';
import { RescheduleDeadlinesUseCase } from '../deadlines/reschedule-deadlines.use-case';
import { CaseFileRepository } from './case-file.repository';

/** The court moved a hearing (or any case date changed): the case file takes the new dates and the clocks counting on them move. */
@Injectable()
export class ChangeCaseDatesUseCase {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly reschedule: RescheduleDeadlinesUseCase,
  ) {}

  async execute(tx: SchedulingTx, event: EventEnvelope<EventData<typeof CaseDatesChangedV1>>, context: HandlerContext): Promise<number> {
    const found = await this.files.find(tx, event.organisationid, event.data.caseId);
    if (!found) throw new CaseFileNotYetKnown(`case ${event.data.caseId} has not been opened in scheduling yet`);
    const file = await this.files.setDates(tx, found.caseId, event.data.dates);
    const lines = await this.rules.read(tx, { ...file, correlationId: event.correlationid });
    return this.reschedule.execute(tx, file, lines, event.data.changed, { correlationId: event.correlationid, causationId: event.id }, context);
  }
}
