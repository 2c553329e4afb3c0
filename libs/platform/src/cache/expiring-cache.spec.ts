import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache: what a process looked up a moment ago', () => {
  let now = 0;
  const clock = () => now;

  it('answers until its time is up, then asks again', () => {
    const cache = new ExpiringCache<string>(2_000, clock);
    cache.set('contract-1', 'v3');
    now += 1_999;
    expect(cache.get('contract-1')).toBe('v3');
    now += 1;
    expect(cache.get('contract-1')).toBeUndefined();
  });

  it('forgets what this process changed, and only that', () => {
    const cache = new ExpiringCache<{ id: string }>(2_000, clock);
    cache.set('a', { id: 'a' });
    cache.set('b', { id: 'b' });
    cache.evictWhere((value) => value.id === 'a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ id: 'b' });
  });

  it('replacing an entry at the limit does not push another out', () => {
    const cache = new ExpiringCache<number>(2_000, clock, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('b', 3);
    expect([cache.get('a'), cache.get('b')]).toEqual([1, 3]);
  });
});
