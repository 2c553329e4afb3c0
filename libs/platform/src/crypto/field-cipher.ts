import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { parseKeyRing, type DataKey } from './key-ring';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FieldDecryptionError extends Error {}

/**
 * Authenticated encryption for single fields at rest (AES-256-GCM).
 * Sealed form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts); the `context`
 * (e.g. `intake.referral:<id>`) is bound as AAD so a value copied to another row does not decrypt.
 * Decrypts with any key in the ring and always encrypts with the first, which is how keys rotate.
 */
export class FieldCipher {
  private readonly byId: Map<string, DataKey>;

  constructor(private readonly keys: readonly DataKey[]) {
    if (keys.length === 0) throw new Error('FieldCipher needs at least one key');
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  static fromConfig(keys: string): FieldCipher {
    return new FieldCipher(parseKeyRing(keys));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(plaintext: string, context: string): string {
    const current = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, current.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  decrypt(sealed: string, context: string): string {
    const parts = this.split(sealed);
    const key = this.byId.get(parts.keyId);
    if (!key) throw new FieldDecryptionError(`sealed value uses key "${parts.keyId}", which is not in DATA_ENCRYPTION_KEYS`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key.key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('sealed value failed authentication (tampered, or the wrong context)');
    }
  }

  /** True when the value was sealed with a key other than the current one, so it should be re-encrypted. */
  needsRotation(sealed: string): boolean {
    return this.split(sealed).keyId !== this.currentKeyId;
  }

  private split(sealed: string) {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new FieldDecryptionError('not a sealed value (expected v1.<keyId>.<iv>.<ciphertext>.<tag>)');
    const [, keyId, iv, body, tag] = parts;
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new FieldDecryptionError('sealed value has a malformed IV or tag');
    return { keyId, iv: ivBytes, body: Buffer.from(body, 'base64url'), tag: tagBytes };
  }
}
