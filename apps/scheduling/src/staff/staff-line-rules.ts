import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import type { FieldError, RpcMeta, StaffServiceLine, StaffView } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { checkLivingWage, formatPence } from './london-living-wage';
import type { StaffRecord } from './staff.repository';
import { toStaffView } from './staff.view';

/** What a member of staff's service lines demand of them: that the lines exist, and the London Living Wage. */
@Injectable()
export class StaffLineRules {
  constructor(
    private readonly book: ContractBook,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return londonDate(this.clock.now());
  }

  /** Per `contractId/serviceLine`, whether the line requires the London Living Wage; unknown lines are reported. */
  async livingWage(tx: SchedulingTx, meta: RpcMeta, lines: readonly StaffServiceLine[]): Promise<{ required: Map<string, boolean>; unknown: FieldError[] }> {
    const required = new Map<string, boolean>();
    const unknown: FieldError[] = [];
    for (const [index, l] of lines.entries()) {
      const line = await this.book.line(
        tx,
        { organisationId: meta.organisationId, contractId: l.contractId, contractVersion: null, serviceLine: l.serviceLine },
        meta.correlationId,
      );
      if (!line)
        unknown.push({
          field: `serviceLines.${index}.serviceLine`,
          message: `no service line "${l.serviceLine}" in a contract ${l.contractId} of your organisation`,
          code: 'unknown_service_line',
        });
      else required.set(`${l.contractId}/${l.serviceLine}`, line.londonLivingWage.required);
    }
    return { required, unknown };
  }

  /** Refuses unknown lines (400) and a pay rate below the London Living Wage on a line that requires it (422). */
  async assertAcceptable(tx: SchedulingTx, meta: RpcMeta, lines: readonly StaffServiceLine[], payRatePence: number): Promise<void> {
    const { required, unknown } = await this.livingWage(tx, meta, lines);
    if (unknown.length > 0) throw ProblemError.validation(unknown);
    const below = lines.filter((l) => !checkLivingWage(payRatePence, required.get(`${l.contractId}/${l.serviceLine}`) ?? false, this.today()).meets);
    if (below.length === 0) return;
    const rate = checkLivingWage(payRatePence, true, this.today());
    throw new ProblemError({
      type: 'https://mediation.example/problems/london-living-wage',
      title: 'Below the London Living Wage',
      status: 422,
      detail: `${formatPence(payRatePence)}/h is below the London Living Wage of ${formatPence(rate.ratePence)}/h (the Living Wage Foundation rate payable since ${rate.rateSince}), which ${below.map((l) => l.serviceLine).join(', ')} requires.`,
      errors: [
        {
          field: 'payRatePence',
          message: `must be at least ${rate.ratePence} (the London Living Wage) for ${below.map((l) => l.serviceLine).join(', ')}`,
          code: 'london-living-wage',
        },
      ],
    });
  }

  async view(tx: SchedulingTx, meta: RpcMeta, row: StaffRecord): Promise<StaffView> {
    return toStaffView(row, this.today(), (await this.livingWage(tx, meta, row.serviceLines as StaffServiceLine[])).required);
  }
}
