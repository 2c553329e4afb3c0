import { Injectable } from '@nestjs/common';
import type { Communication } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type CommunicationRecord = Communication;

/** Append-only, as the contract's audit record of communications: there is no update or delete here, and the table refuses them. */
@Injectable()
export class CommunicationRepository {
  /** `failed` only for a platform message notify gave up on, `withheld` only for one the contact rule refused; every other entry is one that happened. */
  append(tx: CaseworkTx, record: Omit<CommunicationRecord, 'failed' | 'withheld' | 'withheldKey'> & { failed?: boolean }): Promise<CommunicationRecord> {
    return tx.communication.create({ data: record });
  }

  /** Logs a refused message once per `withheldKey`; null when it was logged already. */
  async appendWithheld(
    tx: CaseworkTx,
    record: Omit<CommunicationRecord, 'failed' | 'withheld' | 'deliveryId'> & { withheldKey: string },
  ): Promise<CommunicationRecord | null> {
    const { count } = await tx.communication.createMany({ data: [{ ...record, withheld: true, deliveryId: null }], skipDuplicates: true });
    return count === 1 ? tx.communication.findUnique({ where: { id: record.id } }) : null;
  }

  async hasDelivery(tx: CaseworkTx, organisationId: string, deliveryId: string): Promise<boolean> {
    return (await tx.communication.count({ where: { organisationId, deliveryId } })) > 0;
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CommunicationRecord[]> {
    // Entries of one instant (a message refused to several parties) in the order they were logged: ids are time-ordered.
    return tx.communication.findMany({ where: { caseId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  }
}
