/**
 * The fallback of SharedEndpointLanes while Redis does not answer. How many attempts this process has in flight per endpoint, and how many it started in the last second. A job
 * for an endpoint at either limit is put back for a moment instead of taking a worker slot, so one slow or
 * busy partner holds at most its own share of the workers and is never sent more than it was promised.
 */
export class EndpointLanes {
  private readonly inFlight = new Map<string, number>();
  /** Start times (ms) of the attempts of the last second, per endpoint. */
  private readonly started = new Map<string, number[]>();

  constructor(
    private readonly perEndpoint: number,
    private readonly perSecond = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a slot for the endpoint, or answers false when it has none free or has had its attempts for this second. */
  tryEnter(endpointId: string): boolean {
    const count = this.inFlight.get(endpointId) ?? 0;
    if (count >= this.perEndpoint) return false;
    const now = this.now();
    const recent = (this.started.get(endpointId) ?? []).filter((at) => now - at < 1000);
    if (recent.length >= this.perSecond) {
      this.started.set(endpointId, recent);
      return false;
    }
    recent.push(now);
    this.started.set(endpointId, recent);
    this.inFlight.set(endpointId, count + 1);
    return true;
  }

  leave(endpointId: string): void {
    const count = (this.inFlight.get(endpointId) ?? 1) - 1;
    if (count <= 0) {
      this.inFlight.delete(endpointId);
      if ((this.started.get(endpointId) ?? []).every((at) => this.now() - at >= 1000)) this.started.delete(endpointId);
    } else this.inFlight.set(endpointId, count);
  }

  busy(endpointId: string): number {
    return this.inFlight.get(endpointId) ?? 0;
  }
}
