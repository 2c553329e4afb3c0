import { Injectable, Logger } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { AuditRecord } from './audit-record';
import { RecordAuditEntryUseCase } from './record-audit-entry.use-case';

/**
 * Writes an entry before the caller gets its answer. A lost entry is worse than a failed request, so
 * when the trail cannot be written the caller gets a 503 instead of the answer (a retry with the same
 * Idempotency-Key then returns the result, and is recorded), and the entry goes to the error log.
 */
@Injectable()
export class AuditWriter {
  private readonly logger = new Logger('AuditTrail');

  constructor(private readonly record: RecordAuditEntryUseCase) {}

  async write(entry: AuditRecord): Promise<void> {
    try {
      await this.record.execute(entry);
    } catch (error) {
      this.logger.error({ err: error, auditEntry: entry }, 'the audit trail could not be written');
      throw ProblemError.unavailable(
        'The audit trail could not be written, so this request cannot be confirmed; it may have taken effect. Retry shortly (with the same Idempotency-Key for a create).',
      );
    }
  }
}
