import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { CaseMilestoneV1, type DeliverySentV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { CaseReportRepository } from './case-report.repository';
import { REPORT_EMAIL_KIND } from './reports.options';

/** Marks the case report sent and publishes the `report.sent` milestone, once per report. */
@Injectable()
export class RecordReportSentUseCase {
  constructor(
    private readonly reports: CaseReportRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof DeliverySentV1>>): Promise<void> {
    const { kind, caseId, sentAt, deliveryId } = event.data;
    if (kind !== REPORT_EMAIL_KIND || !caseId) return;
    const organisationId = event.organisationid;
    const report = await this.reports.markSent(tx, organisationId, caseId, new Date(sentAt));
    if (!report) return;
    const recordedAt = this.clock.now();
    const milestone = await this.reports.recordMilestone(tx, {
      organisationId,
      caseId,
      milestone: 'report.sent',
      occurredAt: new Date(sentAt),
      recordedAt,
      source: `delivery:${deliveryId}`,
    });
    await this.events.append(tx, {
      definition: CaseMilestoneV1,
      data: {
        caseId,
        contractId: report.contractId,
        milestone: 'report.sent',
        occurredAt: sentAt,
        recordedAt: recordedAt.toISOString(),
        source: milestone.source,
      },
      // About the case, like every milestone, so scheduling sees a case's milestones in order.
      subject: caseId,
      organisationId,
      contractId: report.contractId,
      sequence: report.closure,
      correlationId: event.correlationid,
      causationId: event.id,
    });
  }
}
