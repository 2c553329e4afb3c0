import type { PayrollView, StaffStatementSummary, StaffStatementView } from '@mediation/protocol';
import { toCsv } from '../invoices/csv';
import { decimalPounds } from '../invoices/money';

const livingWageCells = (s: StaffStatementSummary) => [
  s.effectiveHourlyRatePence === null ? '' : decimalPounds(s.effectiveHourlyRatePence),
  decimalPounds(s.londonLivingWage.ratePence),
  s.meetsLondonLivingWage ? 'yes' : 'no',
  decimalPounds(s.shortfallPence),
];
const LIVING_WAGE_HEAD = ['effective_hourly_gbp', 'london_living_wage_gbp', 'meets_london_living_wage', 'shortfall_gbp'];

/** One row per session, then the month's total with its London Living Wage check; pounds with two decimals, exact from pence. */
export function renderStatementCsv(statement: StaffStatementView): string {
  const head = ['period', 'staff_id', 'name', 'session_id', 'held_at', 'session_type', 'minutes', 'basis', 'rate_gbp', 'fee_gbp', ...LIVING_WAGE_HEAD];
  const base = [statement.period, statement.staffId, statement.name];
  const rows = statement.lines.map((l) => [
    ...base,
    l.sessionId,
    l.heldAt,
    l.sessionType,
    String(l.minutes),
    l.basis,
    decimalPounds(l.ratePence),
    decimalPounds(l.feePence),
    '',
    '',
    '',
    '',
  ]);
  rows.push([...base, 'total', '', '', String(statement.minutesWorked), '', '', decimalPounds(statement.feesPence), ...livingWageCells(statement)]);
  return toCsv([head, ...rows]);
}

/** The month's payroll: one row per member of staff, what payroll imports. */
export function renderPayrollCsv(payroll: PayrollView): string {
  const head = ['period', 'staff_id', 'name', 'sessions', 'hours', 'fees_gbp', ...LIVING_WAGE_HEAD];
  const rows = payroll.items.map((s) => [
    s.period,
    s.staffId,
    s.name,
    String(s.sessions),
    s.hoursWorked.toFixed(2),
    decimalPounds(s.feesPence),
    ...livingWageCells(s),
  ]);
  return toCsv([head, ...rows]);
}
