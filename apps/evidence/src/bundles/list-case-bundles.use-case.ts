import { Injectable } from '@nestjs/common';
import type { BundleList, RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { BundleRepository } from './bundle.repository';
import { toBundleView } from './bundle.view';

/** A case's court bundles, newest first: what was made, when, by whom, of which exhibits. None is an empty list. */
@Injectable()
export class ListCaseBundlesUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly bundles: BundleRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string): Promise<BundleList> {
    return this.db.forTenant(meta, async (tx) => ({ items: (await this.bundles.listForCase(tx, meta.organisationId, caseId)).map(toBundleView) }));
  }
}
