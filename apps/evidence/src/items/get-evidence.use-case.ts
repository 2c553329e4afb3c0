import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { EvidenceItemView, RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import { EvidenceRepository } from './evidence.repository';
import { toEvidenceView } from './evidence.view';

/** One exhibit's metadata; the read is a link in its chain of custody. */
@Injectable()
export class GetEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly custody: CustodyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, evidenceId: string, reason?: string): Promise<EvidenceItemView> {
    return this.db.forTenant(meta, async (tx) => {
      const item = await this.items.find(tx, meta.organisationId, evidenceId);
      if (!item) throw ProblemError.notFound('evidence item', evidenceId);
      await this.custody.append(tx, meta, { itemId: item.id, action: 'viewed', version: item.currentVersion, reason }, this.clock.now());
      return toEvidenceView(item);
    });
  }
}
