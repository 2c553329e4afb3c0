import { Injectable } from '@nestjs/common';
import { EventConsumer, type EventHandler } from '@mediation/messaging';
import { CaseAssignedV1, CaseUnassignedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { AssignStaffUseCase } from './assign-staff.use-case';
import { UnassignStaffUseCase } from './unassign-staff.use-case';

@Injectable()
@EventConsumer()
export class CaseAssignedHandler implements EventHandler<typeof CaseAssignedV1, SchedulingTx> {
  readonly consumes = CaseAssignedV1;

  constructor(private readonly assign: AssignStaffUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseAssignedV1>>, tx: SchedulingTx): Promise<void> {
    return this.assign.execute(tx, event.organisationid, event.data);
  }
}

@Injectable()
@EventConsumer()
export class CaseUnassignedHandler implements EventHandler<typeof CaseUnassignedV1, SchedulingTx> {
  readonly consumes = CaseUnassignedV1;

  constructor(private readonly unassign: UnassignStaffUseCase) {}

  handle(event: EventEnvelope<EventData<typeof CaseUnassignedV1>>, tx: SchedulingTx): Promise<void> {
    return this.unassign.execute(tx, event.organisationid, event.data);
  }
}
