import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import type { EventData, EventDefinition, RpcMeta } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { caseEnvelope } from './case-event';
import { CaseRepository, type CaseRecord } from './case.repository';

/** Publishes a change to a case's records in the change's transaction, bumping the case version so the event orders after earlier ones. */
@Injectable()
export class CaseRecordEvents {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: EventPublisher,
  ) {}

  async append<D extends EventDefinition>(
    tx: CaseworkTx,
    meta: RpcMeta,
    c: CaseRecord,
    definition: D,
    data: Omit<EventData<D>, 'caseId' | 'contractId'>,
  ): Promise<void> {
    const updated = await this.cases.update(tx, c, {});
    await this.events.append(tx, {
      definition,
      data: { caseId: c.id, contractId: c.contractId, ...data } as EventData<D>,
      ...caseEnvelope(updated, meta.correlationId),
    });
  }
}
