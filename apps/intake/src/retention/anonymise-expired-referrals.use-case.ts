import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, TenantDirectory } from '@mediation/platform';
import { ReferralAnonymisedV1 } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import type { Referral } from '../generated/prisma/client';
import { ReferralFormLookup } from '../referrals/referral-form.lookup';
import { ReferralRetentionRepository } from './referral-retention.repository';
import { isPastRetention, retentionStartOf } from './retention-period';

const BATCH = 200;
/** No line keeps data less than a month, so nothing closed more recently needs looking at. */
const SHORTEST_PERIOD_MS = 28 * 24 * 60 * 60 * 1000;

/**
 * Anonymises referrals whose case closed (or ended) more than their service line's `dataRetentionMonths`
 * ago, and rejected referrals that long after their rejection, unless a legal hold is set; each one is
 * announced, so other services can follow.
 */
@Injectable()
export class AnonymiseExpiredReferralsUseCase {
  private readonly logger = new Logger(AnonymiseExpiredReferralsUseCase.name);

  constructor(
    private readonly db: IntakeDatabase,
    private readonly retention: ReferralRetentionRepository,
    private readonly tenants: TenantDirectory,
    private readonly lines: ReferralFormLookup,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ anonymised: number }> {
    const now = this.clock.now();
    let anonymised = 0;
    // One tenant at a time: row-level security hides every referral from a transaction without one.
    for (const organisationId of await this.tenants.organisationIds()) anonymised += await this.anonymiseTenant(organisationId, now);
    return { anonymised };
  }

  private async anonymiseTenant(organisationId: string, now: Date): Promise<number> {
    let anonymised = 0;
    let afterId: string | undefined;
    for (;;) {
      const rows = await this.retention.findClosedBefore(organisationId, new Date(now.getTime() - SHORTEST_PERIOD_MS), afterId, BATCH);
      for (const row of rows) if (await this.anonymiseIfDue(row, now)) anonymised += 1;
      if (rows.length < BATCH) return anonymised;
      afterId = rows[rows.length - 1].id;
    }
  }

  private async anonymiseIfDue(row: Referral, now: Date): Promise<boolean> {
    const months = await this.lines.retentionMonthsOf(row);
    const since = retentionStartOf(row);
    if (months === null || !since) {
      this.logger.warn({ referralId: row.id }, 'no service line found for a closed or rejected referral; kept until its retention period is known');
      return false;
    }
    if (!isPastRetention(since, months, now)) return false;
    return this.db.forTenant(row.organisationId, async (tx) => {
      const done = await this.retention.anonymise(tx, row, now);
      if (!done) return false;
      await this.events.append(tx, {
        definition: ReferralAnonymisedV1,
        data: { referralId: done.id, caseId: done.caseId, retentionMonths: months },
        subject: done.id,
        organisationId: done.organisationId,
        contractId: done.contractId,
        sequence: done.version,
        correlationId: `retention:${done.id}`,
      });
      return true;
    });
  }
}
