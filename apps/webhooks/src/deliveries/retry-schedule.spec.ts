import { EndpointLanes } from './endpoint-lanes';
import { nextRetryDelayMs } from './retry-schedule';

describe('retries', () => {
  const schedule = [5_000, 300_000, 1_800_000];

  it('wait the schedule’s delay after each failed attempt, within ±20% jitter, and stop when it is used up', () => {
    expect(nextRetryDelayMs(schedule, 1, () => 0.5)).toBe(5_000);
    expect(nextRetryDelayMs(schedule, 2, () => 0)).toBe(240_000);
    expect(nextRetryDelayMs(schedule, 3, () => 1)).toBe(2_160_000);
    expect(nextRetryDelayMs(schedule, 4)).toBeUndefined();
  });
});

describe('per-endpoint lanes', () => {
  it('let an endpoint hold at most its share of attempts, and never block another', () => {
    const lanes = new EndpointLanes(2);
    expect([lanes.tryEnter('slow'), lanes.tryEnter('slow'), lanes.tryEnter('slow')]).toEqual([true, true, false]);
    expect(lanes.tryEnter('fast')).toBe(true);
    lanes.leave('slow');
    expect(lanes.tryEnter('slow')).toBe(true);
    expect(lanes.busy('slow')).toBe(2);
  });
});

describe('per-endpoint rate', () => {
  it('starts at most the rate per second for one endpoint, and again a second later', () => {
    let now = 1_000_000;
    const lanes = new EndpointLanes(100, 3, () => now);
    const tries = () => Array.from({ length: 4 }, () => lanes.tryEnter('busy'));
    expect(tries()).toEqual([true, true, true, false]);
    expect(lanes.tryEnter('quiet')).toBe(true);
    now += 1000;
    expect(lanes.tryEnter('busy')).toBe(true);
  });
});
