import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { uuidv7 } from '@mediation/protocol';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store';
import { FileIntake } from './file-intake';

/** A file as stored: where, its hash and size (computed while it streamed) and its detected type. */
export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

/**
 * Streams an incoming file into a new object of the store, through FileIntake: hashed and counted on
 * the way, refused on its first bytes if its type is not accepted. A failure leaves no object behind.
 */
@Injectable()
export class StoreIncomingFile {
  constructor(@Inject(OBJECT_STORE) private readonly objects: ObjectStore) {}

  async store(organisationId: string, caseId: string, file: Readable, fileName: string): Promise<StoredFile> {
    const storageKey = `${organisationId}/${caseId}/${uuidv7()}`;
    const intake = new FileIntake();
    file.on('error', (error) => intake.destroy(error));
    // Its failure (a refused type) is answered by `put` rejecting; the stream's own 'error' event must not also go unheard.
    intake.on('error', () => undefined);
    file.pipe(intake);
    try {
      await this.objects.put(storageKey, intake);
    } catch (error) {
      file.unpipe(intake);
      file.resume();
      await this.objects.delete(storageKey).catch(() => undefined);
      throw error;
    }
    return { storageKey, sha256: intake.sha256(), sizeBytes: intake.bytes, mediaType: intake.mediaType!, fileName: safeFileName(fileName) };
  }

  /** Removes a stored file that will not be recorded (its metadata was refused). */
  discard(file: StoredFile): Promise<void> {
    return this.objects.delete(file.storageKey);
  }
}

/** Display only: the base name, printable, at most 200 characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return (base || 'file').slice(0, 200);
}
