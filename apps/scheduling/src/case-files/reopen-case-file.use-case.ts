import { Injectable } from '@nestjs/common';
import type { CaseReopenedV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseLock } from '../deadlines/case-lock';
import { CaseFileRepository } from './case-file.repository';

/** A closed case was reopened: its case file is open again, so its assignments count toward caseloads once more. */
@Injectable()
export class ReopenCaseFileUseCase {
  constructor(
    private readonly lock: CaseLock,
    private readonly files: CaseFileRepository,
  ) {}

  async execute(tx: SchedulingTx, reopened: EventEnvelope<EventData<typeof CaseReopenedV1>>): Promise<void> {
    const file = await this.lock.file(tx, reopened.organisationid, reopened.data.caseId);
    // The case version orders this against the closure's milestone, which another consumer handles.
    await this.files.setStatus(tx, file.caseId, 'open', reopened.sequence);
  }
}
