import { AuditEntryViewSchema, type AuditEntryView } from '@mediation/protocol';
import type { ChainedEntry } from './audit-chain';

export function toAuditEntryView(entry: ChainedEntry): AuditEntryView {
  return AuditEntryViewSchema.parse({
    id: entry.id,
    sequence: entry.sequence,
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    actorType: entry.actorType,
    actorRoles: entry.actorRoles,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    outcome: entry.outcome,
    clientIp: entry.clientIp,
    userAgent: entry.userAgent,
    correlationId: entry.correlationId,
    accessReason: entry.accessReason,
    dataCategories: entry.dataCategories,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
}
