import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectExistsError, ObjectMissingError, type ObjectStore } from './object-store';

/** Files under one directory (`.data/evidence` by default), so `npm start` needs no object store. */
export class LocalObjectStore implements ObjectStore {
  readonly name: string;

  constructor(private readonly root: string) {
    this.root = path.resolve(root);
    this.name = `local:${this.root}`;
  }

  async put(key: string, body: Readable): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // `wx`: the open fails if the file exists, so nothing is ever overwritten, even by a racing writer.
    const out = createWriteStream(file, { flags: 'wx' });
    try {
      await pipeline(body, out);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ObjectExistsError(key);
      await rm(file, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      throw new ObjectMissingError(key);
    }
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are ours (uuids and slashes), but a key must still never climb out of the root. */
  private pathOf(key: string): string {
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || key.split('/').some((part) => part === '..' || part === '')) throw new Error(`unsafe object key ${key}`);
    return path.join(this.root, key);
  }
}
