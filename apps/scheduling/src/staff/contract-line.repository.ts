import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';

/** Reads the contract projection kept by contracts/ (read-only here): the newest version known. */
@Injectable()
export class ContractLineRepository {
  async latestDefinition(tx: SchedulingTx, organisationId: string, contractId: string): Promise<{ version: number; definition: unknown } | null> {
    const row = await tx.contractVersion.findFirst({ where: { organisationId, contractId }, orderBy: { version: 'desc' }, select: { version: true, definition: true } });
    return row ?? null;
  }
}
