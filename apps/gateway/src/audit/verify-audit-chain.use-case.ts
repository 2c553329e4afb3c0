import { Injectable } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { ChainVerifier, type ChainBreak } from './chain-verifier';

export interface ChainReport {
  organisationId: string;
  entries: number;
  /** The hash of the last good entry: write it down somewhere else to anchor the chain. */
  lastHash: string;
  firstBreak?: ChainBreak;
}

const PAGE = 1_000;

/** Walks every organisation's chain (or one) from its first entry and reports the first broken link of each. */
@Injectable()
export class VerifyAuditChainUseCase {
  constructor(private readonly entries: AuditEntryRepository) {}

  async execute(input: { organisationId?: string } = {}): Promise<{ intact: boolean; chains: ChainReport[] }> {
    const organisations = input.organisationId ? [input.organisationId] : await this.entries.organisationsWithEntries();
    const chains: ChainReport[] = [];
    for (const organisationId of organisations) chains.push(await this.verifyOne(organisationId));
    return { intact: chains.every((c) => !c.firstBreak), chains };
  }

  private async verifyOne(organisationId: string): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    // The head is read first: entries appended while we walk are beyond it and do not count against it.
    const head = await this.entries.head(organisationId);
    let after = 0;
    for (;;) {
      const page = await this.entries.chainPage(organisationId, after, PAGE);
      for (const entry of page) {
        if (head && entry.sequence > head.lastSequence) break;
        if (verifier.check(entry)) break;
      }
      if (verifier.firstBreak || page.length < PAGE || (head && page.at(-1)!.sequence >= head.lastSequence)) break;
      after = page.at(-1)!.sequence;
    }
    verifier.finish(head);
    return { organisationId, entries: verifier.entries, lastHash: verifier.lastHash, firstBreak: verifier.firstBreak };
  }
}
