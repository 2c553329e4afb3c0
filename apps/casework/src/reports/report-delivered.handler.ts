import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { DeliverySentV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { RecordReportSentUseCase } from './record-report-sent.use-case';

/** notify's SMTP server accepted the report email: the `report.sent` clock can stop. */
@Injectable()
@EventConsumer()
export class ReportDeliveredHandler implements EventHandler<typeof DeliverySentV1, CaseworkTx> {
  readonly consumes = DeliverySentV1;
  readonly purpose = 'report-sent';

  constructor(private readonly recordReportSent: RecordReportSentUseCase) {}

  handle(event: EventEnvelope<EventData<typeof DeliverySentV1>>, tx: CaseworkTx): Promise<void> {
    return this.recordReportSent.execute(tx, event);
  }
}
