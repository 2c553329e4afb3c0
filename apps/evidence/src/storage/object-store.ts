import type { Readable } from 'node:stream';

/**
 * The one seam in front of wherever evidence files live (a local directory, an S3-compatible store).
 * Keys are never reused: `put` refuses a key that exists, so a stored object is never overwritten and
 * a new version of an item is always a new object.
 */
export interface ObjectStore {
  /** What the store is, for logs and health: `local:<dir>`, `s3:<bucket>`. */
  readonly name: string;
  /** Streams `body` to a new object; fails (and leaves nothing behind) if the key exists or the stream fails. */
  put(key: string, body: Readable): Promise<void>;
  /** The object's bytes as a stream; a missing object rejects with ObjectMissingError. */
  get(key: string): Promise<Readable>;
  /** Removes the object (retention, or a refused upload); a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export const OBJECT_STORE = Symbol('OBJECT_STORE');

export class ObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
  }
}

export class ObjectExistsError extends Error {
  constructor(readonly key: string) {
    super(`an object ${key} is already stored; objects are never overwritten`);
  }
}
