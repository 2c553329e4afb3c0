import { Injectable, Logger } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock, FieldCipher, ProblemError } from '@mediation/platform';
import { CaseAnonymisedV1, uuidv7 } from '@mediation/protocol';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { noteContext } from '../notes/note.repository';
import { ANONYMISED, CaseRetentionRepository, type RetainedCase } from './case-retention.repository';
import { isPastRetention, retentionMonthsOf, retentionStartOf } from './retention-period';

const BATCH = 200;
/** No line keeps data less than a month, so nothing closed more recently needs looking at. */
const SHORTEST_PERIOD_MS = 28 * 24 * 60 * 60 * 1000;
const ACTOR = 'system:retention';

/**
 * Anonymises closed and ended cases whose service line's `dataRetentionMonths` (from the contract book:
 * the contract version the case runs under) have passed since closure or end, unless a legal hold is set.
 * Each tenant runs in its own transactions under row-level security.
 */
@Injectable()
export class AnonymiseExpiredCasesUseCase {
  private readonly logger = new Logger(AnonymiseExpiredCasesUseCase.name);

  constructor(
    private readonly db: CaseworkDatabase,
    private readonly retention: CaseRetentionRepository,
    private readonly book: ContractBook,
    private readonly cipher: FieldCipher,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ anonymised: number }> {
    const now = this.clock.now();
    let anonymised = 0;
    for (const organisationId of await this.retention.organisationIds()) {
      let afterId: string | undefined;
      for (;;) {
        const rows = await this.retention.findClosedBefore(organisationId, new Date(now.getTime() - SHORTEST_PERIOD_MS), afterId, BATCH);
        for (const row of rows) if (await this.anonymiseIfDue(row, now)) anonymised += 1;
        if (rows.length < BATCH) break;
        afterId = rows[rows.length - 1].id;
      }
    }
    return { anonymised };
  }

  private anonymiseIfDue(row: RetainedCase, now: Date): Promise<boolean> {
    return this.db.forTenant(row.organisationId, async (tx) => {
      const months = retentionMonthsOf((await this.contractOf(tx, row))?.definition ?? null, row.serviceLine);
      const since = retentionStartOf(row);
      if (months === null || !since) {
        this.logger.warn(
          { caseId: row.id },
          'no retention period found for a closed case (contract version unknown, or intake not answering); kept until it is known',
        );
        return false;
      }
      if (!isPastRetention(since.at, months, now)) return false;
      const done = await this.retention.anonymise(tx, row, now, (noteId) => this.cipher.encrypt(ANONYMISED, noteContext(noteId)));
      if (!done) return false;
      const details = { retentionMonths: months, [since.ended ? 'endedAt' : 'closedAt']: since.at.toISOString(), counts: done.counts };
      await this.retention.log(tx, {
        id: uuidv7(),
        organisationId: row.organisationId,
        caseId: row.id,
        action: 'anonymised',
        reason: `${months} months after ${since.ended ? 'it ended' : 'closure'}`,
        actorId: ACTOR,
        occurredAt: now,
        details,
      });
      await this.events.append(tx, {
        definition: CaseAnonymisedV1,
        data: {
          caseId: row.id,
          contractId: row.contractId,
          reference: row.reference,
          closedAt: since.at.toISOString(),
          retentionMonths: months,
          anonymisedAt: now.toISOString(),
          counts: done.counts,
        },
        subject: row.id,
        organisationId: row.organisationId,
        contractId: row.contractId,
        sequence: done.case.version,
        correlationId: `retention:${row.id}`,
      });
      return true;
    });
  }

  /** The contract the case ran under; while intake cannot be asked the case is kept for the next run, as one not yet known, and the others go on. */
  private contractOf(tx: CaseworkTx, row: RetainedCase) {
    return this.book.forCase(tx, row).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 503) return null;
      throw error;
    });
  }
}
