import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Clock, ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import { currentVersionOf, EvidenceRepository } from './evidence.repository';
import { VerifiedReader } from './verified-reader';

export interface EvidenceContent {
  body: Readable;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

/** The current version's bytes, verified against their recorded hash first; the download is logged. */
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
    return { body, sha256: version.sha256, sizeBytes: Number(version.sizeBytes), mediaType: version.mediaType, fileName: version.fileName };
  }
}
