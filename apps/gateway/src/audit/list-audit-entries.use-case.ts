import { Injectable } from '@nestjs/common';
import type { AuditPage, AuditQuery } from '@mediation/protocol';
import { AuditEntryRepository } from './audit-entry.repository';
import { toAuditEntryView } from './audit-entry.view';

/** One page of an organisation's trail, newest first; the cursor is the sequence to continue below. */
@Injectable()
export class ListAuditEntriesUseCase {
  constructor(private readonly entries: AuditEntryRepository) {}

  async execute(organisationId: string, query: AuditQuery): Promise<AuditPage> {
    const found = await this.entries.find({
      organisationId,
      actorId: query.actorId,
      action: query.action,
      resourceType: query.resourceType,
      resourceId: query.resourceId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeSequence: query.cursor ? Number(query.cursor) : undefined,
      limit: query.limit,
    });
    const items = found.slice(0, query.limit);
    return { items: items.map(toAuditEntryView), nextCursor: found.length > query.limit ? String(items.at(-1)!.sequence) : null };
  }
}
