import { Injectable } from '@nestjs/common';
import type { Communication } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type CommunicationRecord = Communication;

/** Append-only, as the contract's audit record of communications: there is no update or delete here, and the table refuses them. */
@Injectable()
export class CommunicationRepository {
  /** `failed` only for a platform message notify gave up on; every other entry is one that happened. */
  append(tx: CaseworkTx, record: Omit<CommunicationRecord, 'failed'> & { failed?: boolean }): Promise<CommunicationRecord> {
    return tx.communication.create({ data: record });
  }

  async hasDelivery(tx: CaseworkTx, organisationId: string, deliveryId: string): Promise<boolean> {
    return (await tx.communication.count({ where: { organisationId, deliveryId } })) > 0;
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CommunicationRecord[]> {
    return tx.communication.findMany({ where: { caseId }, orderBy: { occurredAt: 'asc' } });
  }
}
