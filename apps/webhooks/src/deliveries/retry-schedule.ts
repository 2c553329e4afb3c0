/**
 * The wait before the next attempt after `attemptsMade` failed ones, with ±20% jitter so the retries of many
 * deliveries failing together do not all arrive at once; undefined when the schedule is used up.
 */
export function nextRetryDelayMs(delaysMs: readonly number[], attemptsMade: number, random: () => number = Math.random): number | undefined {
  const base = delaysMs[attemptsMade - 1];
  if (base === undefined) return undefined;
  return Math.round(base * (0.8 + 0.4 * random()));
}
