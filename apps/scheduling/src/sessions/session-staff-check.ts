import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, ServiceLine, WeeklyAvailability } from '@mediation/protocol';
import { isAvailableThroughout } from '../allocation/free-time';
import type { SchedulingTx } from '../database/scheduling.database';
import { StaffLineRules } from '../staff/staff-line-rules';
import { eligibilityFacts, ineligibility } from '../staff/staff-eligibility';
import { staffNotEligible } from '../staff/staff-not-eligible.problem';
import { fromDateColumn, StaffRepository, type StaffRecord } from '../staff/staff.repository';

/** The session a check is for: who attends, on which case and line, and when. */
export interface SessionStaffing {
  staffIds: readonly string[];
  caseId: string;
  contractId: string;
  line: ServiceLine;
  /** The parties' names, for conflicts of interest. */
  parties: readonly string[];
  startsAt: Date;
  endsAt: Date;
}

/**
 * The one staff rule of a session, for booking it and for moving it: the allocation's hard rules judged for
 * the session's dates (accreditations valid through its last day, the London Living Wage in force on its
 * date, conflicts with the case or any of its parties), then each person's availability then.
 */
@Injectable()
export class SessionStaffCheck {
  constructor(
    private readonly staff: StaffRepository,
    private readonly rules: StaffLineRules,
  ) {}

  async eligible(tx: SchedulingTx, meta: RpcMeta, at: SessionStaffing): Promise<StaffRecord[]> {
    const found = new Map((await this.staff.findMany(tx, meta.organisationId, [...at.staffIds])).map((s) => [s.id, s]));
    const missing = at.staffIds.flatMap((id, index) =>
      found.has(id) ? [] : [{ field: `staffIds.${index}`, message: `no member of staff ${id} in your organisation` }],
    );
    if (missing.length > 0) throw ProblemError.validation(missing);
    const engagement = {
      caseId: at.caseId,
      contractId: at.contractId,
      line: at.line,
      parties: at.parties,
      today: this.rules.today(),
      through: londonDate(at.endsAt),
      payOn: londonDate(at.startsAt),
    };
    const blocked = at.staffIds.flatMap((id, index) =>
      ineligibility(eligibilityFacts(found.get(id)!), engagement).map((reason) => ({
        staffId: id,
        name: found.get(id)!.name,
        field: `staffIds.${index}`,
        reason,
      })),
    );
    if (blocked.length > 0) throw staffNotEligible(blocked, 'booked');
    return at.staffIds.map((id) => found.get(id)!);
  }

  /** Sessional staff work the slots they offer: outside them, record an extra slot first. */
  assertAvailable(people: readonly StaffRecord[], startsAt: Date, endsAt: Date): void {
    const away = people.filter((person) => {
      const exceptions = person.availabilityExceptions.map((e) => ({
        date: fromDateColumn(e.date),
        kind: e.kind as 'off' | 'extra',
        start: e.startTime,
        end: e.endTime,
      }));
      return !isAvailableThroughout(person.weeklyAvailability as WeeklyAvailability, exceptions, startsAt, endsAt);
    });
    if (away.length > 0) {
      throw ProblemError.conflict(
        `Not available then: ${away.map((p) => p.name).join(', ')}. Book within their weekly availability, or record an extra slot (POST /v1/staff/{id}/availability-exceptions with kind "extra") if they have agreed to it.`,
      );
    }
  }
}
