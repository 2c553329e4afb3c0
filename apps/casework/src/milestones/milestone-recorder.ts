import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CaseMilestoneV1, uuidv7 } from '@mediation/protocol';
import { caseEnvelope } from '../cases/case-event';
import type { CaseRecord } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import { MilestoneRepository, type MilestoneRecord } from './milestone.repository';

/**
 * Records a milestone on a case and publishes it in the same transaction, whatever reached it (a
 * status move, a certificate, or a person recording it), so scheduling stops or starts its clocks.
 * The caller has bumped the case version; the event carries it as its sequence.
 */
@Injectable()
export class MilestoneRecorder {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async record(
    tx: CaseworkTx,
    c: CaseRecord,
    reached: { milestone: string; occurredAt: Date; source: string },
    correlationId: string,
  ): Promise<MilestoneRecord> {
    const row = await this.milestones.create(tx, {
      id: uuidv7(),
      organisationId: c.organisationId,
      caseId: c.id,
      milestone: reached.milestone,
      occurredAt: reached.occurredAt,
      recordedAt: this.clock.now(),
      source: reached.source,
    });
    await this.events.append(tx, {
      definition: CaseMilestoneV1,
      data: {
        caseId: c.id,
        contractId: c.contractId,
        milestone: row.milestone,
        occurredAt: row.occurredAt.toISOString(),
        recordedAt: row.recordedAt.toISOString(),
        source: row.source,
      },
      ...caseEnvelope(c, correlationId),
    });
    return row;
  }
}
