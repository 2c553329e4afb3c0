import { Injectable, Logger } from '@nestjs/common';
import { addDaysToDate, londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, TenantDirectory } from '@mediation/platform';
import { AccreditationExpiringV1, uuidv7 } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { daysLeft, EXPIRY_WARNING_DAYS, isSuperseded } from './accreditation-status';
import { fromDateColumn, StaffRepository, toDateColumn, type StaffAccreditationRecord } from './staff.repository';

const BATCH = 500;
/** At most this many batches a day (100,000 rows); what is left waits for tomorrow's run. */
const MAX_BATCHES = 200;

/**
 * Daily: one warning when an accreditation or check comes within 30 days of expiry, and one when it
 * has expired (from then on it blocks allocation). Each is marked so it is warned of once; one that a
 * renewal has superseded is marked without a warning.
 */
@Injectable()
export class WarnExpiringAccreditationsUseCase {
  private readonly logger = new Logger('AccreditationExpiry');

  constructor(
    private readonly db: SchedulingDatabase,
    private readonly tenants: TenantDirectory,
    private readonly staff: StaffRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Each organisation in turn (accreditations sit behind the tenant wall), taking its due rows a batch
   * at a time until none are left, so a backlog is cleared in one run (bounded per organisation).
   */
  async execute(batchSize = BATCH): Promise<number> {
    const now = this.clock.now();
    const today = londonDate(now);
    let warned = 0;
    let handled = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const due = await this.db.forTenant(organisationId, (tx) =>
          this.staff.findToWarn(tx, toDateColumn(today), toDateColumn(addDaysToDate(today, EXPIRY_WARNING_DAYS)), batchSize),
        );
        for (const accreditation of due) if (await this.warnOf(accreditation, today, now)) warned++;
        handled += due.length;
        if (due.length < batchSize) break;
        if (batch === MAX_BATCHES - 1) this.logger.warn(`stopped after ${batch + 1} batches of organisation ${organisationId}; the rest are taken tomorrow`);
      }
    }
    if (handled > 0) this.logger.log(`warned of ${warned} expiring or expired accreditation(s), ${handled - warned} superseded or without a profile`);
    return warned;
  }

  /** One accreditation, in its tenant's transaction: warned of unless a newer one of the kind is in date; marked either way. */
  private warnOf(accreditation: StaffAccreditationRecord, today: string, now: Date): Promise<boolean> {
    return this.db.forTenant(accreditation.organisationId, async (tx) => {
      const person = await this.staff.find(tx, accreditation.organisationId, accreditation.staffId);
      const expiresAt = fromDateColumn(accreditation.expiresOn!);
      const left = daysLeft(expiresAt, today);
      const held = (person?.accreditations ?? []).map((a) => ({ id: a.id, kind: a.kind, expiresOn: a.expiresOn ? fromDateColumn(a.expiresOn) : null }));
      const superseded = isSuperseded({ id: accreditation.id, kind: accreditation.kind, expiresOn: expiresAt }, held, today);
      if (person && !superseded) {
        await this.events.append(tx, {
          definition: AccreditationExpiringV1,
          data: {
            staffId: person.id,
            name: person.name,
            email: person.email,
            accreditationId: accreditation.id,
            kind: accreditation.kind,
            label: accreditation.label,
            expiresAt,
            daysLeft: left,
          },
          subject: person.id,
          organisationId: accreditation.organisationId,
          sequence: person.version,
          correlationId: uuidv7(),
        });
      }
      await this.staff.markWarned(tx, accreditation.id, left < 0 ? 'expiredWarnedAt' : 'expiringWarnedAt', now);
      return Boolean(person && !superseded);
    });
  }
}
