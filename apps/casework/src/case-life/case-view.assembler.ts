import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { workflowOf, type CaseView } from '@mediation/protocol';
import { AssignmentRepository } from '../assignments/assignment.repository';
import type { CaseworkTx } from '../database/casework.database';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import type { CaseRecord } from '../cases/case.repository';
import { toCaseView } from './case.view';
import { caseBegan } from '../cases/occurred-at.rule';

/** Builds case views with their workflow moves and current staff, a page at a time. */
@Injectable()
export class CaseViewAssembler {
  constructor(
    private readonly book: ContractBook,
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
    const [assignments, linked, paused] = await Promise.all([
      this.assignments.currentFor(tx, ids),
      this.referrals.linkedTo(tx, ids),
      this.pauses.openSince(tx, ids),
    ]);
    const views: CaseView[] = [];
    for (const row of rows) {
      const line = await this.book.caseLine(tx, row);
      views.push(
        toCaseView(row, {
          workflow: workflowOf(line),
          assignments: assignments.filter((a) => a.caseId === row.id),
          linkedReferralIds: linked.get(row.id) ?? [],
          pausedSince: paused.get(row.id) ?? null,
          beganAt: caseBegan(row, line),
        }),
      );
    }
    return views;
  }
}
