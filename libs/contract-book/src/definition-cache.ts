/** Parsed versions by (organisation, contract, version), the least recently read dropped first once full. */
export class DefinitionCache<Entry extends { contractId: string; version: number }> {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  get(organisationId: string, contractId: string, version: number): Entry | undefined {
    const key = keyOf(organisationId, contractId, version);
    const entry = this.entries.get(key);
    if (entry) {
      // Read again: it moves to the back of the queue.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(organisationId: string, entry: Entry): void {
    this.entries.set(keyOf(organisationId, entry.contractId, entry.version), entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(organisationId: string, contractId: string, version: number): string {
  return `${organisationId}/${contractId}/${version}`;
}
