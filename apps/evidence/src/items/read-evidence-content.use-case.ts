import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Clock, ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import type { EvidenceVersion } from '../generated/prisma/client';
import { EvidenceDatabase } from '../database/evidence.database';
import { currentVersionOf, EvidenceRepository } from './evidence.repository';
import { VerifiedReader } from './verified-reader';

export interface EvidenceContentHeaders {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

export interface EvidenceContent extends EvidenceContentHeaders {
  body: Readable;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

/** The current version's bytes, verified against their recorded hash first; the download is logged (a HEAD is logged as what it is). */
@Injectable()
export class ReadEvidenceContentUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly custody: CustodyRepository,
    private readonly reader: VerifiedReader,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, evidenceId: string, reason?: string): Promise<EvidenceContent> {
    const item = await this.db.forTenant(meta, (tx) => this.items.find(tx, meta.organisationId, evidenceId));
    if (!item) throw ProblemError.notFound('evidence item', evidenceId);
    const version = currentVersionOf(item);
    const body = await this.reader.open(meta, item, version);
    await this.db.forTenant(meta, (tx) =>
      this.custody.append(tx, meta, { itemId: item.id, action: 'downloaded', version: version.version, reason, sha256: version.sha256 }, this.clock.now()),
    );
    return { body, ...headersOf(version) };
  }

  /**
   * What a HEAD of the content answers: the headers a GET would send, after the same check of the stored
   * bytes (so a changed or deleted file answers the same 409 or 410), but no byte of the file leaves. The
   * name, type, size and hash were seen, not the file, so the custody log says `viewed` (as reading the
   * exhibit's metadata does), noting it was a HEAD, never `downloaded`.
   */
  async head(meta: RpcMeta, evidenceId: string, reason?: string): Promise<EvidenceContentHeaders> {
    const item = await this.db.forTenant(meta, (tx) => this.items.find(tx, meta.organisationId, evidenceId));
    if (!item) throw ProblemError.notFound('evidence item', evidenceId);
    const version = currentVersionOf(item);
    await this.reader.verify(meta, item, version);
    await this.db.forTenant(meta, (tx) =>
      this.custody.append(
        tx,
        meta,
        { itemId: item.id, action: 'viewed', version: version.version, reason, sha256: version.sha256, detail: { request: 'HEAD content' } },
        this.clock.now(),
      ),
    );
    return headersOf(version);
  }
}

const headersOf = (version: EvidenceVersion): EvidenceContentHeaders => ({
  sha256: version.sha256,
  sizeBytes: Number(version.sizeBytes),
  mediaType: version.mediaType,
  fileName: version.fileName,
});
