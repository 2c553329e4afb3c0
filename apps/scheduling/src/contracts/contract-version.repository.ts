import { Injectable } from '@nestjs/common';
import type { ContractVersion, Prisma } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type ContractVersionRecord = ContractVersion;

@Injectable()
export class ContractVersionRepository {
  /** Keeps the first copy of a version (a version's definition never changes) but the newest status. */
  async save(tx: SchedulingTx, row: { organisationId: string; contractId: string; version: number; status: string; template: string | null; definition: Prisma.InputJsonValue }): Promise<void> {
    await tx.contractVersion.upsert({ where: { contractId_version: { contractId: row.contractId, version: row.version } }, create: row, update: { status: row.status } });
  }

  find(tx: SchedulingTx, organisationId: string, contractId: string, version: number): Promise<ContractVersionRecord | null> {
    return tx.contractVersion.findFirst({ where: { organisationId, contractId, version } });
  }
}
