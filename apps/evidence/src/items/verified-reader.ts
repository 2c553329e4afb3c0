import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { EvidenceIntegrityFailedV1, type RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import type { EvidenceVersion } from '../generated/prisma/client';
import { OBJECT_STORE, ObjectMissingError, type ObjectStore } from '../storage/object-store';
import type { EvidenceRecord } from './evidence.repository';
import { integrityFailed } from './evidence-problems';

/**
 * Every read of a stored file goes through here: the bytes are hashed end to end before any of them is
 * served, and a file that no longer matches the hash recorded at upload (or has gone) is refused,
 * written into the item's custody log and raised as `evidence.item.integrity-failed.v1`. What is then
 * served is hashed again as it streams, and the stream fails if the object changed in between.
 */
@Injectable()
export class VerifiedReader {
  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly db: EvidenceDatabase,
    private readonly custody: CustodyRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** Throws a 409 problem (after recording the failure) unless the stored bytes hash to the recorded SHA-256. */
  async verify(meta: RpcMeta, item: EvidenceRecord, version: EvidenceVersion): Promise<void> {
    if (item.objectsDeletedAt)
      throw new ProblemError({
        type: 'https://mediation.example/problems/gone',
        title: 'Gone',
        status: 410,
        detail: `The files of ${item.exhibitRef} were deleted at retention on ${item.objectsDeletedAt.toISOString()}.`,
      });
    const actual = await this.hashOf(version.storageKey);
    if (actual === version.sha256) return;
    await this.raise(meta, item, version, actual ?? '');
    throw integrityFailed(item.exhibitRef);
  }

  /** The verified bytes as a stream that errors if they stop matching on the way out. */
  async open(meta: RpcMeta, item: EvidenceRecord, version: EvidenceVersion): Promise<Readable> {
    await this.verify(meta, item, version);
    const source = await this.store.get(version.storageKey);
    const check = new HashCheck(version.sha256, (actual) => void this.raise(meta, item, version, actual).catch(() => undefined));
    source.on('error', (error) => check.destroy(error));
    return source.pipe(check);
  }

  /** The verified bytes whole: for PDFs going into a bundle, which pdf-lib reads in memory. */
  async readAll(meta: RpcMeta, item: EvidenceRecord, version: EvidenceVersion): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(meta, item, version)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** SHA-256 (hex) of a stored object as it is now; undefined when it is missing. */
  async hashOf(key: string): Promise<string | undefined> {
    try {
      const hash = createHash('sha256');
      for await (const chunk of await this.store.get(key)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    } catch (error) {
      if (error instanceof ObjectMissingError) return undefined;
      throw error;
    }
  }

  private async raise(meta: RpcMeta, item: EvidenceRecord, version: EvidenceVersion, actualSha256: string): Promise<void> {
    const now = this.clock.now();
    await this.db.forTenant(meta, async (tx) => {
      await this.custody.append(
        tx,
        meta,
        {
          itemId: item.id,
          action: 'integrity-failed',
          version: version.version,
          sha256: actualSha256 || undefined,
          detail: { expectedSha256: version.sha256 },
        },
        now,
      );
      await this.events.append(tx, {
        definition: EvidenceIntegrityFailedV1,
        data: {
          evidenceId: item.id,
          caseId: item.caseId,
          version: version.version,
          expectedSha256: version.sha256,
          actualSha256,
          detectedBy: meta.actorId,
          detectedAt: now.toISOString(),
        },
        subject: item.id,
        organisationId: item.organisationId,
        sequence: version.version,
        correlationId: meta.correlationId,
      });
    });
  }
}

/** Passes bytes through and fails at the end if they did not hash to what was expected. */
class HashCheck extends Transform {
  private readonly hash = createHash('sha256');

  constructor(
    private readonly expected: string,
    private readonly onMismatch: (actual: string) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual === this.expected) return done();
    this.onMismatch(actual);
    done(new Error('the stored file changed while it was being served'));
  }
}
