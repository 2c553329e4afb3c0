import { Injectable } from '@nestjs/common';
import type { ProtectedDataCategory } from '@mediation/protocol';
import type { AuthenticatedRequest } from '../auth/principal';
import { auditRecordOf } from './audit-request';
import { AuditWriter } from './audit-writer';
import { requireAccessReason } from './sensitive-read';

/**
 * For a route that learns only at run time that its answer holds special-category or criminal-offence
 * data (say, a referral whose contract's form marks a field so): call this before returning the data.
 * It refuses with a 400 when X-Access-Reason is missing and records the read with the reason.
 */
@Injectable()
export class SensitiveReadRecorder {
  constructor(private readonly writer: AuditWriter) {}

  async record(req: AuthenticatedRequest, read: { resourceType: string; resourceId: string; categories: ProtectedDataCategory[] }): Promise<void> {
    const accessReason = requireAccessReason(req.headers);
    const entry = auditRecordOf(req, 200, { id: read.resourceId }, { resourceType: read.resourceType, accessReason, dataCategories: read.categories });
    await this.writer.write({ ...entry, resourceId: read.resourceId });
  }
}
