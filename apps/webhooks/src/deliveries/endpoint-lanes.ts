/**
 * How many attempts this process has in flight per endpoint. A job for an endpoint at its limit is put back
 * for a moment instead of taking a worker slot, so one slow partner holds at most its own share of the
 * workers and never delays the others.
 */
export class EndpointLanes {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly perEndpoint: number) {}

  /** Takes a slot for the endpoint, or answers false when it has none free. */
  tryEnter(endpointId: string): boolean {
    const count = this.inFlight.get(endpointId) ?? 0;
    if (count >= this.perEndpoint) return false;
    this.inFlight.set(endpointId, count + 1);
    return true;
  }

  leave(endpointId: string): void {
    const count = (this.inFlight.get(endpointId) ?? 1) - 1;
    if (count <= 0) this.inFlight.delete(endpointId);
    else this.inFlight.set(endpointId, count);
  }

  busy(endpointId: string): number {
    return this.inFlight.get(endpointId) ?? 0;
  }
}
