import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { PayrollView, RpcMeta, StaffStatementList, StaffStatementView, StatementFile } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { renderPayrollCsv, renderStatementCsv } from './statement.csv';
import { StaffFeeRepository } from './staff-fee.repository';
import { groupBy, statementOf, summaryOf } from './statement';

const csvFile = (filename: string, csv: string): StatementFile => ({ filename, contentType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') });

/** A member of staff's monthly statements, and the month's payroll across them, worked out from the fees recorded. Who may ask is the gateway's rule. */
@Injectable()
export class ReadStatementsUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly fees: StaffFeeRepository,
  ) {}

  list(meta: RpcMeta, staffId: string): Promise<StaffStatementList> {
    return this.db.forTenant(meta, async (tx) => {
      const months = groupBy(await this.fees.ofStaff(tx, meta.organisationId, staffId), (fee) => fee.period);
      const items = [...months].map(([period, fees]) => summaryOf(statementOf(staffId, period, fees)));
      return { items: items.sort((a, b) => b.period.localeCompare(a.period)) };
    });
  }

  get(meta: RpcMeta, staffId: string, period: string): Promise<StaffStatementView> {
    return this.db.forTenant(meta, async (tx) => {
      const fees = await this.fees.ofStaff(tx, meta.organisationId, staffId, period);
      if (!fees.length) throw ProblemError.notFound(`statement for ${period} of member of staff`, staffId);
      return statementOf(staffId, period, fees);
    });
  }

  async file(meta: RpcMeta, staffId: string, period: string): Promise<StatementFile> {
    const statement = await this.get(meta, staffId, period);
    return csvFile(`statement-${period}-${staffId}.csv`, renderStatementCsv(statement));
  }

  payroll(meta: RpcMeta, period: string): Promise<PayrollView> {
    return this.db.forTenant(meta, async (tx) => {
      const byStaff = groupBy(await this.fees.ofMonth(tx, meta.organisationId, period), (fee) => fee.staffId);
      const items = [...byStaff]
        .map(([staffId, fees]) => summaryOf(statementOf(staffId, period, fees)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.staffId.localeCompare(b.staffId));
      return {
        period,
        items,
        totalFeesPence: items.reduce((sum, s) => sum + s.feesPence, 0),
        belowLondonLivingWage: items.filter((s) => !s.meetsLondonLivingWage).length,
      };
    });
  }

  async payrollFile(meta: RpcMeta, period: string): Promise<StatementFile> {
    return csvFile(`payroll-${period}.csv`, renderPayrollCsv(await this.payroll(meta, period)));
  }
}
