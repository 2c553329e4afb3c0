import type { ProtectedDataCategory } from '@mediation/protocol';

/** What a caller tells the audit trail; the trail adds the id, the time, the sequence and the hashes. */
export interface AuditRecord {
  organisationId: string;
  actorId: string;
  actorType: 'api-key' | 'user' | 'system';
  actorRoles?: readonly string[];
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  outcome: number;
  clientIp?: string | null;
  userAgent?: string | null;
  correlationId?: string | null;
  accessReason?: string | null;
  dataCategories?: readonly ProtectedDataCategory[];
}
