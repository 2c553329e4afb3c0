import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, parseOrThrow } from '@mediation/platform';
import { EvidenceAddedV1, EvidenceMetadataSchema, uuidv7, type EvidenceItemView, type EvidenceMetadata, type RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase, type EvidenceTx } from '../database/evidence.database';
import { currentVersionOf, EvidenceRepository, type EvidenceRecord } from './evidence.repository';
import { toEvidenceView } from './evidence.view';
import { exhibitRef, initialsOf } from './exhibit-ref';
import { StoreIncomingFile, type StoredFile } from './store-incoming-file';

/**
 * Records a file already streamed into the store as a new exhibit of the case: its reference (`JS/1`),
 * its first version, the first link of its custody chain and `evidence.item.added.v1`, in one
 * transaction. Metadata that does not validate discards the stored file.
 */
@Injectable()
export class UploadEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly custody: CustodyRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly files: StoreIncomingFile,
  ) {}

  async execute(meta: RpcMeta, caseId: string, fields: Record<string, string>, file: StoredFile): Promise<EvidenceItemView> {
    let metadata;
    try {
      metadata = parseOrThrow(EvidenceMetadataSchema.strict(), fields);
    } catch (error) {
      await this.files.discard(file);
      throw error;
    }
    return this.record(meta, caseId, metadata, file);
  }

  /** Records a stored file as a new exhibit (also what a witness statement made here becomes). */
  async record(
    meta: RpcMeta,
    caseId: string,
    metadata: EvidenceMetadata,
    file: StoredFile,
    extra: { refersTo?: string[]; redactedFrom?: EvidenceRecord } = {},
  ): Promise<EvidenceItemView> {
    const now = this.clock.now();
    const recorded = this.db.forTenant(meta, async (tx) => {
      const ref = extra.redactedFrom
        ? `${extra.redactedFrom.exhibitRef}-R${(await this.items.countRedactionsOf(tx, meta.organisationId, extra.redactedFrom.id)) + 1}`
        : await this.nextRef(tx, meta.organisationId, caseId, metadata.producerInitials ?? initialsOf(metadata.producedBy));
      const item = await this.items.create(
        tx,
        {
          id: uuidv7(),
          organisationId: meta.organisationId,
          caseId,
          exhibitRef: ref,
          kind: metadata.kind,
          description: metadata.description,
          producedBy: metadata.producedBy,
          capturedAt: metadata.capturedAt ? new Date(metadata.capturedAt) : null,
          capturedWhere: metadata.capturedWhere ?? null,
          source: metadata.source ?? null,
          refersTo: extra.refersTo ?? [],
          redactedFromId: extra.redactedFrom?.id ?? null,
          onHold: await this.items.isCaseHeld(tx, meta.organisationId, caseId),
          createdBy: meta.actorId,
          createdAt: now,
        },
        { version: 1, organisationId: meta.organisationId, ...file, createdBy: meta.actorId, createdAt: now },
      );
      await this.custody.append(
        tx,
        meta,
        { itemId: item.id, action: 'uploaded', version: 1, sha256: file.sha256, detail: { sizeBytes: file.sizeBytes, mediaType: file.mediaType } },
        now,
      );
      const version = currentVersionOf(item);
      await this.events.append(tx, {
        definition: EvidenceAddedV1,
        data: {
          evidenceId: item.id,
          caseId,
          exhibitRef: item.exhibitRef,
          kind: metadata.kind,
          version: 1,
          sha256: version.sha256,
          sizeBytes: file.sizeBytes,
          mediaType: file.mediaType,
          addedAt: now.toISOString(),
        },
        subject: item.id,
        organisationId: meta.organisationId,
        sequence: 1,
        correlationId: meta.correlationId,
      });
      return toEvidenceView(item);
    });
    return recorded.catch(async (error: unknown) => {
      await this.files.discard(file).catch(() => undefined);
      throw error;
    });
  }

  /** `JS/3`: the producer's next number in the case. A redacted copy is named after its original instead (`JS/1-R1`). */
  private async nextRef(tx: EvidenceTx, organisationId: string, caseId: string, initials: string): Promise<string> {
    return exhibitRef(initials, await this.items.nextExhibitNumber(tx, organisationId, caseId, initials));
  }
}
