import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { CustodyLogSchema, type CustodyLog, type RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { CustodyRepository } from './custody.repository';

@Injectable()
export class GetCustodyUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly custody: CustodyRepository,
  ) {}

  execute(meta: RpcMeta, evidenceId: string): Promise<CustodyLog> {
    return this.db.forTenant(meta, async (tx) => {
      if (!(await this.custody.itemExists(tx, meta.organisationId, evidenceId))) throw ProblemError.notFound('evidence item', evidenceId);
      const entries = await this.custody.list(tx, meta.organisationId, evidenceId);
      return CustodyLogSchema.parse({
        evidenceId,
        entries: entries.map((e) => ({
          id: e.id,
          action: e.action,
          version: e.version,
          actorId: e.actorId,
          actorType: e.actorType,
          reason: e.reason,
          sha256: e.sha256,
          occurredAt: e.occurredAt.toISOString(),
        })),
      });
    });
  }
}
