import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { link, type ChainedEntry } from './audit-chain';
import { AuditEntryRepository } from './audit-entry.repository';
import type { AuditRecord } from './audit-record';

/** Appends one entry to its organisation's chain; the time is read under the chain's lock, so it never goes backwards. */
@Injectable()
export class RecordAuditEntryUseCase {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly clock: Clock,
  ) {}

  execute(record: AuditRecord): Promise<ChainedEntry> {
    const id = uuidv7();
    return this.entries.append(record.organisationId, (head) =>
      link(head, {
        id,
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
      }),
    );
  }
}
