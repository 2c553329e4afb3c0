import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Clock, ProblemError } from '@mediation/platform';
import { EVIDENCE_PROBLEM_TYPES, type CreateRedactionBody, type EvidenceItemView, type RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import { currentVersionOf, EvidenceRepository } from '../items/evidence.repository';
import { StoreIncomingFile } from '../items/store-incoming-file';
import { UploadEvidenceUseCase } from '../items/upload-evidence.use-case';
import { VerifiedReader } from '../items/verified-reader';
import { pageCountOf } from '../bundles/bundle-pdf';
import { isRedactableImage, redactImage, type RedactableImageType } from './image-redactor';
import { redactPdf, type RedactionArea } from './pdf-redactor';

/**
 * A redacted copy of a PDF, PNG or JPEG exhibit: a new item linked to its original (`JS/1-R1`), the areas
 * burned out of page images (pdf-redactor.ts) or of the image's own pixels (image-redactor.ts); the original is kept as it was, and both custody logs say who
 * redacted it and why. Reading the original stays a logged, need-to-know read.
 */
@Injectable()
export class RedactEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly custody: CustodyRepository,
    private readonly reader: VerifiedReader,
    private readonly files: StoreIncomingFile,
    private readonly upload: UploadEvidenceUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, evidenceId: string, body: CreateRedactionBody): Promise<EvidenceItemView> {
    const original = await this.db.forTenant(meta, (tx) => this.items.find(tx, meta.organisationId, evidenceId));
    if (!original) throw ProblemError.notFound('evidence item', evidenceId);
    const version = currentVersionOf(original);
    const image = isRedactableImage(version.mediaType) ? version.mediaType : undefined;
    if (version.mediaType !== 'application/pdf' && !image)
      throw new ProblemError({
        type: EVIDENCE_PROBLEM_TYPES.fileTypeRefused,
        title: 'Cannot redact this file',
        status: 422,
        detail: `${original.exhibitRef} is ${version.mediaType}; only PDF, PNG and JPEG exhibits can be redacted here (another image can be exported to PDF or PNG first).`,
      });
    const bytes = await this.reader.readAll(meta, original, version);
    const pages = image ? 1 : await pageCountOf(bytes);
    if (!pages) throw ProblemError.conflict(`${original.exhibitRef} cannot be read as a PDF, so it cannot be redacted here.`);
    const outside = body.areas.findIndex((area) => area.page > pages);
    if (outside >= 0)
      throw ProblemError.validation([
        { field: `areas.${outside}.page`, message: image ? 'must be 1: an image has one page' : `is past the last page (${pages})`, code: 'no_such_page' },
      ]);

    const redacted = image ? await redactImageOrConflict(bytes, image, body.areas, original.exhibitRef) : await redactPdf(bytes, body.areas);
    const file = await this.files.store(meta.organisationId, original.caseId, Readable.from([redacted]), `redacted-${version.fileName}`);
    const copy = await this.upload.record(
      meta,
      original.caseId,
      {
        kind: original.kind as EvidenceItemView['kind'],
        description: `${original.description} (redacted)`,
        producedBy: original.producedBy,
        capturedAt: original.capturedAt?.toISOString(),
        capturedWhere: original.capturedWhere ?? undefined,
        source: `Redacted copy of ${original.exhibitRef} version ${version.version}: ${body.reason}`,
      },
      file,
      { redactedFrom: original },
    );
    await this.db.forTenant(meta, (tx) =>
      this.custody.append(
        tx,
        meta,
        {
          itemId: original.id,
          action: 'redacted',
          version: version.version,
          reason: body.reason,
          sha256: version.sha256,
          detail: { redactedCopyId: copy.id, areas: body.areas.length },
        },
        this.clock.now(),
      ),
    );
    return copy;
  }
}

/** A file that file-type calls PNG or JPEG but that does not decode (truncated, damaged) cannot be redacted: a 409, not a 500. */
async function redactImageOrConflict(bytes: Buffer, type: RedactableImageType, areas: RedactionArea[], exhibitRef: string): Promise<Buffer> {
  try {
    return await redactImage(bytes, type, areas);
  } catch {
    throw ProblemError.conflict(`${exhibitRef} cannot be read as ${type === 'image/png' ? 'a PNG' : 'a JPEG'} image, so it cannot be redacted here.`);
  }
}
