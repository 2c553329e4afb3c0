import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { CaseContext, RpcMeta, StaffView } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { CaseLineReader } from '../staff/case-line.reader';
import { eligibilityFacts, ineligibility } from '../staff/staff-eligibility';
import { StaffLineRules } from '../staff/staff-line-rules';
import { staffNotEligible } from '../staff/staff-not-eligible.problem';
import { StaffRepository } from '../staff/staff.repository';

/**
 * Whether a member of staff may be assigned to a case: the hard rules allocation and booking apply
 * (on the case's line, active, checks in date, the checks the line requires, the London Living Wage,
 * no conflict with the case or any of its parties), judged today. Someone who could never be booked
 * on the case is not assigned to it either: a 409 naming `staffId` with the rule's code.
 */
@Injectable()
export class CheckAssignmentUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly caseLines: CaseLineReader,
    private readonly rules: StaffLineRules,
  ) {}

  execute(meta: RpcMeta, context: CaseContext, staffId: string, caseParties: readonly string[]): Promise<StaffView> {
    return this.db.forTenant(meta, async (tx) => {
      const person = await this.staff.find(tx, meta.organisationId, staffId);
      if (!person) throw ProblemError.notFound('member of staff', staffId);
      const { contractId, line } = await this.caseLines.read(tx, meta, context);
      const today = this.rules.today();
      const reasons = ineligibility(eligibilityFacts(person), {
        caseId: context.caseId,
        contractId,
        line,
        parties: caseParties,
        today,
        through: today,
        payOn: today,
      });
      if (reasons.length > 0)
        throw staffNotEligible(
          reasons.map((reason) => ({ staffId, name: person.name, field: 'staffId', reason })),
          'assigned',
        );
      return this.rules.view(tx, meta, person);
    });
  }
}
