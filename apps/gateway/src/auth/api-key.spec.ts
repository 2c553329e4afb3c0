import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key';

describe('API keys', () => {
  const pepper = 'a-pepper-of-at-least-thirty-two-characters';

  it('a generated key parses back into its key id and a secret that matches the stored hash', () => {
    const key = generateApiKey(pepper);
    const parsed = parseApiKey(key.token);
    expect(parsed?.keyId).toBe(key.keyId);
    expect(secretMatches(pepper, parsed!.secret, key.secretHash)).toBe(true);
  });

  it('only an HMAC of the secret is stored, never the secret', () => {
    const key = generateApiKey(pepper);
    const secret = parseApiKey(key.token)!.secret;
    expect(key.secretHash).not.toContain(secret);
    expect(key.secretHash).toBe(hashSecret(pepper, secret));
  });

  it('a wrong secret, or the right secret under another pepper, does not match', () => {
    const key = generateApiKey(pepper);
    const other = parseApiKey(generateApiKey(pepper).token)!.secret;
    expect(secretMatches(pepper, other, key.secretHash)).toBe(false);
    expect(secretMatches('another-pepper', parseApiKey(key.token)!.secret, key.secretHash)).toBe(false);
  });

  it.each(['', 'nonsense', 'mk_short.secret', `mk_${'g'.repeat(16)}.${'A'.repeat(43)}`, `mk_${'a'.repeat(16)}.${'A'.repeat(42)}`])(
    'refuses the malformed token %p',
    (token) => {
      expect(parseApiKey(token)).toBeNull();
    },
  );
});
