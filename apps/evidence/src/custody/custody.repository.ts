import { Injectable } from '@nestjs/common';
import { uuidv7, type CUSTODY_ACTIONS, type RpcMeta } from '@mediation/protocol';
import type { CustodyEntry, Prisma } from '../generated/prisma/client';
import type { EvidenceTx } from '../database/evidence.database';

export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export interface NewCustodyEntry {
  itemId: string;
  action: CustodyAction;
  version?: number;
  reason?: string;
  sha256?: string;
  detail?: Prisma.InputJsonValue;
}

/** The chain of custody: entries are only ever added (the table's trigger refuses the rest). */
@Injectable()
export class CustodyRepository {
  async append(tx: EvidenceTx, meta: Pick<RpcMeta, 'organisationId' | 'actorId' | 'actorType'>, entry: NewCustodyEntry, at: Date): Promise<void> {
    await tx.custodyEntry.create({
      data: {
        id: uuidv7(),
        organisationId: meta.organisationId,
        itemId: entry.itemId,
        action: entry.action,
        version: entry.version ?? null,
        actorId: meta.actorId,
        actorType: meta.actorType,
        reason: entry.reason ?? null,
        sha256: entry.sha256 ?? null,
        detail: entry.detail,
        occurredAt: at,
      },
    });
  }

  async itemExists(tx: EvidenceTx, organisationId: string, itemId: string): Promise<boolean> {
    return (await tx.evidenceItem.count({ where: { organisationId, id: itemId } })) > 0;
  }

  list(tx: EvidenceTx, organisationId: string, itemId: string): Promise<CustodyEntry[]> {
    return tx.custodyEntry.findMany({ where: { organisationId, itemId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  }
}
