import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { loadConfig, ConfigError } from '../config/load-config';
import { DEV_DATA_ENCRYPTION_KEYS, dataEncryptionKeysVariable } from './data-encryption.config';
import { FieldCipher, FieldDecryptionError } from './field-cipher';

const key = () => randomBytes(32).toString('base64');
const OLD = `k2025:${key()}`;
const NEW = `k2026:${key()}`;
const CONTEXT = 'intake.referral:3f1c';

describe('FieldCipher', () => {
  const cipher = FieldCipher.fromConfig(NEW);

  it('decrypts what it encrypted in the same context', () => {
    const sealed = cipher.encrypt('disclosed a criminal conviction', CONTEXT);
    expect(sealed).not.toContain('criminal');
    expect(sealed.startsWith('v1.k2026.')).toBe(true);
    expect(cipher.decrypt(sealed, CONTEXT)).toBe('disclosed a criminal conviction');
  });

  it('uses a fresh IV each time, so equal plaintexts never look equal', () => {
    expect(cipher.encrypt('same', CONTEXT)).not.toBe(cipher.encrypt('same', CONTEXT));
  });

  it('refuses a value moved to another record (the context is authenticated)', () => {
    const sealed = cipher.encrypt('secret', CONTEXT);
    expect(() => cipher.decrypt(sealed, 'intake.referral:other')).toThrow(FieldDecryptionError);
  });

  it('refuses a tampered ciphertext', () => {
    const [version, keyId, iv, body, tag] = cipher.encrypt('secret answer', CONTEXT).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 0x01;
    expect(() => cipher.decrypt([version, keyId, iv, flipped.toString('base64url'), tag].join('.'), CONTEXT)).toThrow(/failed authentication/);
  });

  it('refuses something that is not a sealed value', () => {
    expect(() => cipher.decrypt('plain text', CONTEXT)).toThrow(/not a sealed value/);
  });

  it('still decrypts with an old key after rotation, and encrypts with the new one', () => {
    const sealedWithOld = FieldCipher.fromConfig(OLD).encrypt('kept', CONTEXT);
    const rotated = FieldCipher.fromConfig(`${NEW},${OLD}`);
    expect(rotated.decrypt(sealedWithOld, CONTEXT)).toBe('kept');
    expect(rotated.encrypt('kept', CONTEXT).split('.')[1]).toBe('k2026');
  });

  it('flags values sealed with an old key as needing rotation', () => {
    const rotated = FieldCipher.fromConfig(`${NEW},${OLD}`);
    expect(rotated.needsRotation(FieldCipher.fromConfig(OLD).encrypt('x', CONTEXT))).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x', CONTEXT))).toBe(false);
  });

  it('names the missing key when a value was sealed with a key no longer configured', () => {
    const sealedWithOld = FieldCipher.fromConfig(OLD).encrypt('gone', CONTEXT);
    expect(() => cipher.decrypt(sealedWithOld, CONTEXT)).toThrow(/"k2025".*not in DATA_ENCRYPTION_KEYS/);
  });

  describe('key ring configuration', () => {
    it('names a key that is not 32 bytes', () => {
      expect(() => FieldCipher.fromConfig(`short:${Buffer.alloc(16).toString('base64')}`)).toThrow(/key "short" must be 32 bytes .* decodes to 16/);
    });

    it('names an entry with no key id', () => {
      expect(() => FieldCipher.fromConfig(`${NEW},${key()}`)).toThrow(/key 2 has no key id/);
    });

    it('refuses a key id used twice and an empty ring', () => {
      expect(() => FieldCipher.fromConfig(`${NEW},${NEW}`)).toThrow(/"k2026" appears twice/);
      expect(() => FieldCipher.fromConfig(' , ')).toThrow(/holds no key/);
    });
  });

  describe('DATA_ENCRYPTION_KEYS variable', () => {
    const schema = (env: NodeJS.ProcessEnv) => z.object({ DATA_ENCRYPTION_KEYS: dataEncryptionKeysVariable(env) });

    it('defaults to the development key outside production', () => {
      expect(loadConfig(schema({ NODE_ENV: 'development' }), {}).DATA_ENCRYPTION_KEYS).toBe(DEV_DATA_ENCRYPTION_KEYS);
    });

    it('is required in production', () => {
      expect(() => loadConfig(schema({ NODE_ENV: 'production' }), {})).toThrow(/DATA_ENCRYPTION_KEYS: is required/);
    });

    it('stops the boot naming a bad key', () => {
      const load = () => loadConfig(schema({ NODE_ENV: 'production' }), { DATA_ENCRYPTION_KEYS: 'prod:bm90LWVub3VnaA==' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/DATA_ENCRYPTION_KEYS: .*key "prod" must be 32 bytes/);
    });
  });
});
