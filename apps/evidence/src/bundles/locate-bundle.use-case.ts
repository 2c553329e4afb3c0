import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { BundleRepository } from './bundle.repository';

/** Which case a bundle was made for: what the gateway's need-to-know check asks. */
@Injectable()
export class LocateBundleUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly bundles: BundleRepository,
  ) {}

  execute(meta: RpcMeta, bundleId: string): Promise<{ bundleId: string; caseId: string }> {
    return this.db.forTenant(meta, async (tx) => {
      const row = await this.bundles.find(tx, meta.organisationId, bundleId);
      if (!row) throw ProblemError.notFound('bundle', bundleId);
      return { bundleId, caseId: row.caseId };
    });
  }
}
