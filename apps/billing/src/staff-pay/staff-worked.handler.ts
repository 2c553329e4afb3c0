import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { SessionStaffWorkedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { RecordStaffFeesUseCase } from './record-staff-fees.use-case';

@Injectable()
@EventConsumer()
export class StaffWorkedHandler implements EventHandler<typeof SessionStaffWorkedV1, BillingTx> {
  readonly consumes = SessionStaffWorkedV1;
  constructor(private readonly record: RecordStaffFeesUseCase) {}

  async handle(event: EventEnvelope<EventData<typeof SessionStaffWorkedV1>>, tx: BillingTx): Promise<void> {
    await this.record.execute(tx, event);
  }
}
