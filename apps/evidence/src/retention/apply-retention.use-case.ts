import { Inject, Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceRepository } from '../items/evidence.repository';
import type { EvidenceTx } from '../database/evidence.database';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store';
import { RetentionRepository } from './retention.repository';

/** Who acts when casework's retention decides: the platform itself, as the custody log records it. */
const RETENTION: Pick<RpcMeta, 'actorId' | 'actorType'> = { actorId: 'system:retention', actorType: 'system' };

/**
 * Evidence follows the case's retention, as casework decides it: a legal hold holds every exhibit of the
 * case (and any added while it lasts); anonymising the case deletes the files of every exhibit not held,
 * every version, and the case's bundles, leaving the records, their hashes and the custody log, which
 * says when and why. Deleting an object twice is harmless, so a redelivered event finishes the job.
 */
@Injectable()
export class ApplyRetentionUseCase {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly custody: CustodyRepository,
    private readonly items: EvidenceRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async hold(tx: EvidenceTx, organisationId: string, caseId: string, legalHold: boolean, reason: string, at: Date): Promise<void> {
    await this.retention.setCaseHold(tx, { organisationId, caseId, legalHold, reason, changedAt: at });
    for (const item of await this.retention.holdItems(tx, organisationId, caseId, legalHold))
      await this.custody.append(
        tx,
        { organisationId, ...RETENTION },
        { itemId: item.id, action: legalHold ? 'held' : 'released', version: item.currentVersion, reason },
        at,
      );
  }

  async deleteFiles(tx: EvidenceTx, organisationId: string, caseId: string, reason: string, at: Date): Promise<{ deleted: number; kept: number }> {
    const items = await this.retention.storedItems(tx, organisationId, caseId);
    const held = (await this.items.isCaseHeld(tx, organisationId, caseId)) ? items : items.filter((item) => item.onHold);
    const deleting = items.filter((item) => !held.includes(item));
    for (const item of deleting) for (const version of item.versions) await this.store.delete(version.storageKey);
    await this.retention.markItemsDeleted(
      tx,
      deleting.map((item) => item.id),
      at,
    );
    for (const item of deleting)
      await this.custody.append(
        tx,
        { organisationId, ...RETENTION },
        { itemId: item.id, action: 'deleted', version: item.currentVersion, reason, detail: { versions: item.versions.length } },
        at,
      );
    if (held.length === 0) {
      const bundles = await this.retention.storedBundles(tx, organisationId, caseId);
      for (const bundle of bundles) await this.store.delete(bundle.storageKey);
      await this.retention.markBundlesDeleted(
        tx,
        bundles.map((b) => b.id),
        at,
      );
    }
    return { deleted: deleting.length, kept: held.length };
  }
}
