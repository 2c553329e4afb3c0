import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { contentHash, type ChainedEntry } from './audit-chain';
import { AuditEntryRepository } from './audit-entry.repository';
import type { AuditRecord } from './audit-record';

/** Appends one entry to its organisation's chain; its content is hashed here, its link in PostgreSQL. */
@Injectable()
export class RecordAuditEntryUseCase {
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
    return this.entries.append(fields, contentHash(fields));
  }
}
