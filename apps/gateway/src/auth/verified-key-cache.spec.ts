import { VerifiedKeyCache } from './verified-key-cache';

describe('VerifiedKeyCache: an API key verified a moment ago', () => {
  let now = 1_000;
  const clock = () => now;
  const key = { id: 'row-1', scopes: ['referrals:write'] };

  beforeEach(() => {
    now = 1_000;
  });

  it('is found again with the same key id and secret hash until its time is up', () => {
    const cache = new VerifiedKeyCache<typeof key>(2_000, clock);
    cache.set('kid', 'hash', key);
    now += 1_999;
    expect(cache.get('kid', 'hash')).toBe(key);
    now += 1;
    expect(cache.get('kid', 'hash')).toBeUndefined();
  });

  it('is not found with another secret for the same key id', () => {
    const cache = new VerifiedKeyCache<typeof key>(2_000, clock);
    cache.set('kid', 'hash', key);
    expect(cache.get('kid', 'other-hash')).toBeUndefined();
  });

  it('is forgotten when it is revoked here', () => {
    const cache = new VerifiedKeyCache<typeof key>(2_000, clock);
    cache.set('kid', 'hash', key);
    cache.evict('row-1');
    expect(cache.get('kid', 'hash')).toBeUndefined();
  });

  it('is never kept when the cache is switched off (API_KEY_CACHE_MS=0)', () => {
    const cache = new VerifiedKeyCache<typeof key>(0, clock);
    cache.set('kid', 'hash', key);
    expect(cache.get('kid', 'hash')).toBeUndefined();
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const cache = new VerifiedKeyCache<typeof key>(2_000, clock, 2);
    cache.set('a', 'h', { ...key, id: 'a' });
    cache.set('b', 'h', { ...key, id: 'b' });
    cache.set('c', 'h', { ...key, id: 'c' });
    expect(cache.get('a', 'h')).toBeUndefined();
    expect(cache.get('c', 'h')?.id).toBe('c');
  });
});
