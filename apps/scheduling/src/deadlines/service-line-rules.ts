import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@mediation/calendar';
import { ContractBook, type CaseLineRef } from '@mediation/contract-book';
import type { DeadlineRule } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { calendarFor } from '@mediation/calendar';

export interface ServiceLineRules {
  rules: DeadlineRule[];
  calendar: WorkingCalendar;
}

/**
 * The deadline rules and working calendar of a case's service line, under the contract version the
 * case was opened with, from the contract book (which asks intake for a version scheduling never saw).
 */
@Injectable()
export class ServiceLineRulesReader {
  constructor(private readonly book: ContractBook) {}

  async read(tx: SchedulingTx, at: CaseLineRef & { correlationId: string }): Promise<ServiceLineRules> {
    const { definition } = await this.book.require(tx, at, at.correlationId);
    const line = definition.serviceLines.find((l) => l.key === at.serviceLine);
    return { rules: line?.deadlineRules ?? [], calendar: calendarFor(line?.closureDays) };
  }
}
