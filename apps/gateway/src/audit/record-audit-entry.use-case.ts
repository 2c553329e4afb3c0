import { Injectable } from '@nestjs/common';
import { Clock, GroupCommit } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { contentHash, type AuditFields, type ChainedEntry } from './audit-chain';
import { AuditEntryRepository } from './audit-entry.repository';
import type { AuditRecord } from './audit-record';

type Entry = { fields: Omit<AuditFields, 'sequence'>; hashOfContent: string };

/**
 * Appends one entry to its organisation's chain; its content is hashed here, its link in PostgreSQL. Entries
 * of one organisation that arrive while its last append runs are appended together (group commit), so the
 * chain's lock is taken once per batch, not once per request.
 */
@Injectable()
export class RecordAuditEntryUseCase {
  private readonly chains = new GroupCommit<Entry, ChainedEntry>((organisationId, entries) => this.entries.appendMany(organisationId, entries));

  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly clock: Clock,
  ) {}

  execute(record: AuditRecord): Promise<ChainedEntry> {
    const fields = {
      id: uuidv7(),
      organisationId: record.organisationId,
      occurredAt: this.clock.now(),
      actorId: record.actorId,
      actorType: record.actorType,
      actorRoles: record.actorRoles ?? [],
      action: record.action,
      resourceType: record.resourceType ?? null,
      resourceId: record.resourceId ?? null,
      outcome: record.outcome,
      clientIp: record.clientIp ?? null,
      userAgent: record.userAgent ?? null,
      correlationId: record.correlationId ?? null,
      accessReason: record.accessReason ?? null,
      dataCategories: record.dataCategories ?? [],
    };
    return this.chains.submit(fields.organisationId, { fields, hashOfContent: contentHash(fields) });
  }
}
