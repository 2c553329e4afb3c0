import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, parseOrThrow, ProblemError } from '@mediation/platform';
import { EvidenceVersionedV1, EvidenceVersionFormSchema, type EvidenceItemView, type RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import { EvidenceRepository } from './evidence.repository';
import { toEvidenceView } from './evidence.view';
import { StoreIncomingFile, type StoredFile } from './store-incoming-file';

/**
 * A new file for an exhibit (the signed scan of a statement made here, a corrected copy): a new version
 * and a new object; the earlier ones stay, with their hashes, and the custody log says who and why.
 */
@Injectable()
export class AddVersionUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly custody: CustodyRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly files: StoreIncomingFile,
  ) {}

  /** The exhibit's case, where its new file is stored; 404 before any byte is read. */
  async caseOf(meta: RpcMeta, evidenceId: string): Promise<string> {
    const item = await this.db.forTenant(meta, (tx) => this.items.find(tx, meta.organisationId, evidenceId));
    if (!item) throw ProblemError.notFound('evidence item', evidenceId);
    if (item.objectsDeletedAt) throw ProblemError.conflict(`The files of ${item.exhibitRef} were deleted at retention; it takes no new version.`);
    return item.caseId;
  }

  async execute(meta: RpcMeta, evidenceId: string, fields: Record<string, string>, file: StoredFile): Promise<EvidenceItemView> {
    const now = this.clock.now();
    try {
      const form = parseOrThrow(EvidenceVersionFormSchema, fields);
      return await this.db.forTenant(meta, async (tx) => {
        const current = await this.items.find(tx, meta.organisationId, evidenceId);
        if (!current) throw ProblemError.notFound('evidence item', evidenceId);
        const item = await this.items.addVersion(tx, current, { organisationId: meta.organisationId, ...file, createdBy: meta.actorId, createdAt: now });
        await this.custody.append(
          tx,
          meta,
          {
            itemId: item.id,
            action: 'versioned',
            version: item.currentVersion,
            reason: form.note,
            sha256: file.sha256,
            detail: { sizeBytes: file.sizeBytes, mediaType: file.mediaType },
          },
          now,
        );
        await this.events.append(tx, {
          definition: EvidenceVersionedV1,
          data: {
            evidenceId: item.id,
            caseId: item.caseId,
            version: item.currentVersion,
            sha256: file.sha256,
            sizeBytes: file.sizeBytes,
            mediaType: file.mediaType,
            versionedAt: now.toISOString(),
          },
          subject: item.id,
          organisationId: meta.organisationId,
          sequence: item.currentVersion,
          correlationId: meta.correlationId,
        });
        return toEvidenceView(item);
      });
    } catch (error) {
      await this.files.discard(file).catch(() => undefined);
      if ((error as { code?: string }).code === 'P2002')
        throw ProblemError.conflict('Another version of this exhibit was stored at the same moment; send yours again.');
      throw error;
    }
  }
}
