import { Injectable } from '@nestjs/common';
import type { CaseView } from '@mediation/protocol';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { ContractRules } from '../contracts/contract-rules';
import type { CaseworkTx } from '../database/casework.database';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { CaseReferralRepository } from './case-referral.repository';
import type { CaseRecord } from './case.repository';
import { toCaseView } from './case.view';
import { caseBegan } from './occurred-at.rule';

/** Builds case views with their workflow moves and current staff, a page at a time. */
@Injectable()
export class CaseViewAssembler {
  constructor(
    private readonly rules: ContractRules,
    private readonly assignments: AssignmentRepository,
    private readonly referrals: CaseReferralRepository,
    private readonly pauses: CasePauseRepository,
  ) {}

  async one(tx: CaseworkTx, row: CaseRecord): Promise<CaseView> {
    const [view] = await this.many(tx, [row]);
    return view;
  }

  async many(tx: CaseworkTx, rows: CaseRecord[]): Promise<CaseView[]> {
    const ids = rows.map((r) => r.id);
    const [assignments, linked, paused] = await Promise.all([this.assignments.currentFor(tx, ids), this.referrals.linkedTo(tx, ids), this.pauses.openSince(tx, ids)]);
    const views: CaseView[] = [];
    for (const row of rows) {
      const { line, workflow } = await this.rules.forCase(tx, row);
      views.push(toCaseView(row, { workflow, assignments: assignments.filter((a) => a.caseId === row.id), linkedReferralIds: linked.get(row.id) ?? [], pausedSince: paused.get(row.id) ?? null, beganAt: caseBegan(row, line) }));
    }
    return views;
  }
}
