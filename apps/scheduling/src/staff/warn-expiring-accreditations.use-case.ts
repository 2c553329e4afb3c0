import { Injectable, Logger } from '@nestjs/common';
import { addDaysToDate, londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { AccreditationExpiringV1, uuidv7 } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { daysLeft, EXPIRY_WARNING_DAYS } from './accreditation-status';
import { fromDateColumn, StaffRepository, toDateColumn } from './staff.repository';

const BATCH = 500;

/**
 * Daily: one warning when an accreditation or check comes within 30 days of expiry, and one when it
 * has expired (from then on it blocks allocation). Each is marked so it is warned of once.
 */
@Injectable()
export class WarnExpiringAccreditationsUseCase {
  private readonly logger = new Logger('AccreditationExpiry');

  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    const today = londonDate(now);
    const due = await this.db.run((tx) => this.staff.findToWarn(tx, toDateColumn(today), toDateColumn(addDaysToDate(today, EXPIRY_WARNING_DAYS)), BATCH));
    for (const accreditation of due) {
      await this.db.run(
        async (tx) => {
          const person = await this.staff.find(tx, accreditation.organisationId, accreditation.staffId);
          const expiresAt = fromDateColumn(accreditation.expiresOn!);
          const left = daysLeft(expiresAt, today);
          if (person) {
            await this.events.append(tx, {
              definition: AccreditationExpiringV1,
              data: { staffId: person.id, name: person.name, email: person.email, accreditationId: accreditation.id, kind: accreditation.kind, label: accreditation.label, expiresAt, daysLeft: left },
              subject: person.id,
              organisationId: accreditation.organisationId,
              sequence: person.version,
              correlationId: uuidv7(),
            });
          }
          await this.staff.markWarned(tx, accreditation.id, left < 0 ? 'expiredWarnedAt' : 'expiringWarnedAt', now);
        },
        { organisationId: accreditation.organisationId },
      );
    }
    if (due.length > 0) this.logger.log(`warned of ${due.length} expiring or expired accreditation(s)`);
    return due.length;
  }
}
