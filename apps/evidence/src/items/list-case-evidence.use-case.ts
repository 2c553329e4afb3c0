import { Injectable } from '@nestjs/common';
import type { EvidenceList, RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { EvidenceRepository } from './evidence.repository';
import { toEvidenceView } from './evidence.view';

@Injectable()
export class ListCaseEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string): Promise<EvidenceList> {
    return this.db.forTenant(meta, async (tx) => ({ items: (await this.items.listForCase(tx, meta.organisationId, caseId)).map(toEvidenceView) }));
  }
}
