export const RESEALING_OPTIONS = Symbol('RESEALING_OPTIONS');

export interface ResealingOptions {
  /** `RESEALING_INTERVAL_MS`: between passes of the re-sealing job. */
  intervalMs: number;
}
