import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { EvidenceRepository } from './evidence.repository';

/** Which case an exhibit is in: what the gateway's need-to-know check asks before a mediator reads it. */
@Injectable()
export class LocateEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
  ) {}

  execute(meta: RpcMeta, evidenceId: string): Promise<{ evidenceId: string; caseId: string }> {
    return this.db.forTenant(meta, async (tx) => {
      const item = await this.items.find(tx, meta.organisationId, evidenceId);
      if (!item) throw ProblemError.notFound('evidence item', evidenceId);
      return { evidenceId, caseId: item.caseId };
    });
  }
}
