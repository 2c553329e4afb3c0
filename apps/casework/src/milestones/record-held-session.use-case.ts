import { Injectable, Logger } from '@nestjs/common';
import type { EventData, EventEnvelope, SessionHeldV1 } from '@mediation/protocol';
import { CaseRepository } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import { MilestoneRecorder } from './milestone-recorder';
import { MilestoneRepository } from './milestone.repository';

/**
 * A held session whose type names a milestone reaches it on the case like any other milestone: kept
 * on the case (timeline, report, KPIs) and published as `casework.case.milestone.v1`, which is how
 * scheduling's clocks learn of it, in order with the case's other milestones. Once per session.
 */
@Injectable()
export class RecordHeldSessionUseCase {
  private readonly logger = new Logger(RecordHeldSessionUseCase.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly milestones: MilestoneRepository,
    private readonly recorder: MilestoneRecorder,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof SessionHeldV1>>): Promise<void> {
    const { sessionId, caseId, milestone, heldAt } = event.data;
    if (!milestone) return;
    const c = await this.cases.lock(tx, event.organisationid, caseId);
    if (!c) {
      // Sessions are booked only on cases the gateway read from casework, so this is another tenant's id or a lost case.
      this.logger.warn(`session ${sessionId} held on case ${caseId}, which casework does not hold: no milestone recorded`);
      return;
    }
    const source = `session:${sessionId}`;
    if (await this.milestones.existsWithSource(tx, caseId, source)) return;
    const updated = await this.cases.update(tx, c, {});
    await this.recorder.record(tx, updated, { milestone, occurredAt: new Date(heldAt), source }, event.correlationid);
  }
}
