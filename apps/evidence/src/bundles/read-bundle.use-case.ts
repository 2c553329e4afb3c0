import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { integrityFailed } from '../items/evidence-problems';
import { VerifiedReader } from '../items/verified-reader';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store';
import { BundleRepository } from './bundle.repository';

/** A bundle's PDF, checked against the hash it was stored with before it is served. */
@Injectable()
export class ReadBundleUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly bundles: BundleRepository,
    private readonly reader: VerifiedReader,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async execute(meta: RpcMeta, bundleId: string): Promise<{ body: Readable; sha256: string; sizeBytes: number; fileName: string }> {
    const row = await this.db.forTenant(meta, (tx) => this.bundles.find(tx, meta.organisationId, bundleId));
    if (!row) throw ProblemError.notFound('bundle', bundleId);
    if (row.objectDeletedAt)
      throw new ProblemError({
        type: 'https://mediation.example/problems/gone',
        title: 'Gone',
        status: 410,
        detail: `The bundle's file was deleted at retention on ${row.objectDeletedAt.toISOString()}.`,
      });
    if ((await this.reader.hashOf(row.storageKey)) !== row.sha256) throw integrityFailed(`bundle ${bundleId}`);
    return { body: await this.store.get(row.storageKey), sha256: row.sha256, sizeBytes: Number(row.sizeBytes), fileName: `bundle-${bundleId}.pdf` };
  }
}
