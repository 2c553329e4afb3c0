/** One data-encryption key: its id travels inside every sealed value so the right key is found on read. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

export class KeyRingError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `DATA_ENCRYPTION_KEYS` ("<keyId>:<base64 of 32 bytes>,..."); the first key is the current one.
 * Messages name the entry but never echo key material.
 */
export function parseKeyRing(config: string): DataKey[] {
  const entries = config
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new KeyRingError('DATA_ENCRYPTION_KEYS holds no key; expected "<keyId>:<base64 32 bytes>,..."');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const where = `key ${index + 1}`;
    if (colon < 0) throw new KeyRingError(`DATA_ENCRYPTION_KEYS ${where} has no key id; expected "<keyId>:<base64 32 bytes>"`);
    const id = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new KeyRingError(`DATA_ENCRYPTION_KEYS ${where} has an invalid key id "${id}" (letters, digits, _ and -, at most 32)`);
    if (seen.has(id)) throw new KeyRingError(`DATA_ENCRYPTION_KEYS key id "${id}" appears twice`);
    seen.add(id);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(material)) throw new KeyRingError(`DATA_ENCRYPTION_KEYS key "${id}" is not base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) throw new KeyRingError(`DATA_ENCRYPTION_KEYS key "${id}" must be 32 bytes (AES-256) but decodes to ${key.length}`);
    return { id, key };
  });
}
