import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export interface ContractVersionRecord {
  contractId: string;
  version: number;
  organisationId: string;
  status: string;
  template: string | null;
  definition: unknown;
}

@Injectable()
export class ContractVersionRepository {
  /** Versions are immutable once published: a repeated event or a backfill writes the same row. */
  async upsert(tx: CaseworkTx, record: ContractVersionRecord): Promise<void> {
    const definition = record.definition as Prisma.InputJsonValue;
    await tx.contractVersion.upsert({
      where: { contractId_version: { contractId: record.contractId, version: record.version } },
      create: { ...record, definition },
      update: { status: record.status, template: record.template, definition },
    });
  }

  find(tx: CaseworkTx, organisationId: string, contractId: string, version: number): Promise<ContractVersionRecord | null> {
    return tx.contractVersion.findFirst({ where: { organisationId, contractId, version } });
  }

  latest(tx: CaseworkTx, organisationId: string, contractId: string): Promise<ContractVersionRecord | null> {
    return tx.contractVersion.findFirst({ where: { organisationId, contractId }, orderBy: { version: 'desc' } });
  }
}
