import { chainHash, GENESIS_HASH, type ChainedEntry } from './audit-chain';

export type ChainBreakKind = 'missing' | 'altered' | 'unlinked' | 'truncated';

/** The first place an organisation's chain does not hold, in words an auditor can act on. */
export interface ChainBreak {
  kind: ChainBreakKind;
  sequence: number;
  entryId?: string;
  detail: string;
}

/**
 * Walks one organisation's entries in sequence order and stops at the first broken link: a gap in the
 * sequence (a deleted entry), an entry whose hash no longer matches its fields (an edited one), or an
 * entry whose prev_hash is not the hash before it (entries reordered or replaced); at the end, a chain
 * shorter than its head says (the last entries deleted).
 */
export class ChainVerifier {
  private expected = 1;
  private prevHash = GENESIS_HASH;
  private broken?: ChainBreak;

  get entries(): number {
    return this.expected - 1;
  }

  get lastHash(): string {
    return this.prevHash;
  }

  get firstBreak(): ChainBreak | undefined {
    return this.broken;
  }

  /** Checks the next entry; returns the break once one is found (and keeps returning it). */
  check(entry: ChainedEntry): ChainBreak | undefined {
    if (this.broken) return this.broken;
    if (entry.sequence > this.expected) {
      return this.fail({
        kind: 'missing',
        sequence: this.expected,
        detail: `entry ${this.expected} is missing (deleted): the chain jumps from ${this.expected - 1} to ${entry.sequence}`,
      });
    }
    if (entry.sequence < this.expected) {
      return this.fail({
        kind: 'unlinked',
        sequence: entry.sequence,
        entryId: entry.id,
        detail: `entry ${entry.sequence} appears again after entry ${this.expected - 1}: the entries were reordered`,
      });
    }
    if (chainHash(entry.prevHash, entry) !== entry.hash) {
      return this.fail({
        kind: 'altered',
        sequence: entry.sequence,
        entryId: entry.id,
        detail: `entry ${entry.sequence} (${entry.id}) does not match its hash: a field was changed after it was written`,
      });
    }
    if (entry.prevHash !== this.prevHash) {
      return this.fail({
        kind: 'unlinked',
        sequence: entry.sequence,
        entryId: entry.id,
        detail: `entry ${entry.sequence} (${entry.id}) does not follow entry ${entry.sequence - 1}: its prev_hash is not that entry's hash (entries were reordered or replaced)`,
      });
    }
    this.expected += 1;
    this.prevHash = entry.hash;
    return undefined;
  }

  /** After the last entry: the chain must end where its head says. */
  finish(head: { lastSequence: number; lastHash: string } | null): ChainBreak | undefined {
    if (this.broken) return this.broken;
    if (!head) {
      return this.entries === 0
        ? undefined
        : this.fail({ kind: 'unlinked', sequence: this.entries, detail: `the chain has ${this.entries} entries but no head: the head row was deleted` });
    }
    if (head.lastSequence > this.entries) {
      return this.fail({
        kind: 'truncated',
        sequence: this.entries + 1,
        detail: `the chain ends at entry ${this.entries} but its head records ${head.lastSequence}: the last entries were deleted`,
      });
    }
    if (head.lastSequence !== this.entries || head.lastHash !== this.prevHash) {
      return this.fail({
        kind: 'unlinked',
        sequence: this.entries,
        detail: `the chain head (${head.lastSequence}, ${head.lastHash.slice(0, 12)}…) does not match its last entry (${this.entries}, ${this.prevHash.slice(0, 12)}…)`,
      });
    }
    return undefined;
  }

  private fail(found: ChainBreak): ChainBreak {
    this.broken = found;
    return found;
  }
}
