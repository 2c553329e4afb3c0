import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { OrganisationProfileChangedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

@Injectable()
@EventConsumer()
export class OrganisationProfileChangedHandler implements EventHandler<typeof OrganisationProfileChangedV1, ReportingTx> {
  readonly consumes = OrganisationProfileChangedV1;
  constructor(private readonly record: RecordOrganisationProfileUseCase) {}
  handle(event: EventEnvelope<EventData<typeof OrganisationProfileChangedV1>>, tx: ReportingTx): Promise<void> {
    return this.record.execute(tx, event.data);
  }
}
