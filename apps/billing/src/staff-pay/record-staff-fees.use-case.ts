import { Injectable } from '@nestjs/common';
import { uuidv7, type EventData, type EventEnvelope, type SessionStaffWorkedV1 } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { minutesWorked, staffFee } from './staff-fee';
import { StaffFeeRepository } from './staff-fee.repository';
import { londonMonthOf } from './statement';

/** A session worked: one fee per member of staff who worked it, on the statement of the London month it was held in; once each. */
@Injectable()
export class RecordStaffFeesUseCase {
  constructor(private readonly fees: StaffFeeRepository) {}

  async execute(tx: BillingTx, event: EventEnvelope<EventData<typeof SessionStaffWorkedV1>>): Promise<number> {
    const { sessionId, caseId, contractId, sessionType, heldAt, startsAt, endsAt, staff } = event.data;
    const held = new Date(heldAt);
    const minutes = minutesWorked(new Date(startsAt), new Date(endsAt));
    return this.fees.appendAll(
      tx,
      staff.map((person) => ({
        id: uuidv7(),
        organisationId: event.organisationid,
        staffId: person.staffId,
        staffName: person.name,
        sessionId,
        caseId,
        contractId,
        sessionType,
        heldAt: held,
        period: londonMonthOf(held),
        minutes,
        ...staffFee(person, minutes),
      })),
    );
  }
}
