import { MAX_DELIVERIES, redeliveryDelayMs } from './event-consumer.host';

describe('redeliveryDelayMs (backoff before a failed event is redelivered)', () => {
  it('waits half a second after the first failed delivery', () => {
    expect(redeliveryDelayMs(1)).toBe(500);
  });

  it('doubles the wait with every further delivery', () => {
    expect([1, 2, 3, 4, 5, 6].map(redeliveryDelayMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits longer than 30 seconds', () => {
    expect(redeliveryDelayMs(7)).toBe(30_000);
    expect(redeliveryDelayMs(MAX_DELIVERIES)).toBe(30_000);
    expect(redeliveryDelayMs(1_000)).toBe(30_000);
  });

  it('only ever grows (or stays at the cap) as deliveries go on', () => {
    const delays = Array.from({ length: 20 }, (_, i) => redeliveryDelayMs(i + 1));
    delays.slice(1).forEach((delay, i) => expect(delay).toBeGreaterThanOrEqual(delays[i]));
  });

  it('treats a zero or negative delivery count like the first delivery', () => {
    expect(redeliveryDelayMs(0)).toBe(500);
    expect(redeliveryDelayMs(-3)).toBe(500);
  });
});
