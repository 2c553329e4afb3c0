import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { SessionStaffWorkedV1 } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { StaffRepository } from '../staff/staff.repository';
import type { SessionRecord } from './session.repository';

/**
 * Beside a held session's own event: the time it took (its booked start to end) and each attending staff
 * member's pay terms on their record at that moment, for billing's monthly statements. Carrying the terms
 * on the event means billing pays the rate in force when the session was held, whatever changes later.
 */
@Injectable()
export class SessionWork {
  constructor(
    private readonly staff: StaffRepository,
    private readonly events: EventPublisher,
  ) {}

  async append(tx: SchedulingTx, row: SessionRecord, correlationId: string): Promise<void> {
    if (!row.staffIds.length || !row.heldAt) return;
    const people = await this.staff.findMany(tx, row.organisationId, row.staffIds);
    await this.events.append(tx, {
      definition: SessionStaffWorkedV1,
      data: {
        sessionId: row.id,
        caseId: row.caseId,
        contractId: row.contractId,
        sessionType: row.sessionType,
        heldAt: row.heldAt.toISOString(),
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        staff: people.map((p) => ({ staffId: p.id, name: p.name, payRatePence: p.payRatePence, sessionFeePence: p.sessionFeePence })),
      },
      subject: row.id,
      organisationId: row.organisationId,
      contractId: row.contractId,
      sequence: row.version,
      correlationId,
    });
  }
}
