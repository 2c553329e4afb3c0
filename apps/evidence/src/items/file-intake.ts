import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ProblemError } from '@mediation/platform';
import FileType from 'file-type';
import { typeRefused } from './evidence-problems';

/** Enough of a file's start for file-type to recognise every format it knows. */
const SAMPLE_BYTES = 4_100;

/** Office documents and PDF by exact type; images, audio and video by family (as file-type names them). */
const ACCEPTED_TYPES = new Set([
  'application/pdf',
  'application/rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);
const ACCEPTED_FAMILIES = ['image/', 'audio/', 'video/'];
const TEXT = 'text/plain';

/** Whether a detected media type is evidence this service keeps. */
export function isAcceptedType(mediaType: string): boolean {
  return mediaType === TEXT || ACCEPTED_TYPES.has(mediaType) || ACCEPTED_FAMILIES.some((family) => mediaType.startsWith(family));
}

/**
 * What a file is, from its first bytes only: file-type's signatures, else plain text when the sample is
 * valid UTF-8 without control characters (other than tab, newlines and form feed); else unknown binary.
 * The last of a sample cut mid-character is not held against it.
 */
export async function detectMediaType(sample: Buffer): Promise<string> {
  const detected = await FileType.fromBuffer(sample);
  if (detected) return detected.mime;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length >= SAMPLE_BYTES });
    // eslint-disable-next-line no-control-regex
    if (sample.length > 0 && !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return TEXT;
  } catch {
    // not UTF-8
  }
  return 'application/octet-stream';
}

/**
 * A pass-through that hashes every byte and counts them as they stream, and holds back only the first
 * few kilobytes until their type is known: a type outside the allow-list fails the stream before a byte
 * is passed on. The file itself is never held in memory.
 */
export class FileIntake extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  mediaType: string | undefined;
  private sample: Buffer[] = [];
  private sampled = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.mediaType) return done(null, chunk);
    this.sample.push(chunk);
    this.sampled += chunk.length;
    if (this.sampled < SAMPLE_BYTES) return done();
    this.decide().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.mediaType) return done();
    this.decide().then(() => done(), done);
  }

  /** Hex SHA-256 of everything that passed; call once the stream has finished. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  private async decide(): Promise<void> {
    const held = Buffer.concat(this.sample, this.sampled);
    this.sample = [];
    if (held.length === 0) throw ProblemError.validation([{ field: 'file', message: 'is empty', code: 'empty' }], 'The file is empty; nothing was stored.');
    const mediaType = await detectMediaType(held.subarray(0, SAMPLE_BYTES));
    if (!isAcceptedType(mediaType)) throw typeRefused(mediaType);
    this.mediaType = mediaType;
    this.push(held);
  }
}
