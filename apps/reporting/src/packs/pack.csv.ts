import { localAuthorityRows } from '../programme/programme-pack';
import type { PackFigures } from './pack-figures';

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quoted when it must be, and a leading = + - @ defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (values: unknown[]) => values.map(cell).join(',');

/** The pack's figures as CSV: one row per KPI, then one per month and volume; the same numbers as the PDF. */
export function packCsv(figures: PackFigures): string {
  const rows: unknown[][] = [['section', 'month', 'key', 'label', 'numerator', 'denominator', 'value', 'unit', 'target', 'status']];
  for (const k of figures.kpis)
    rows.push([
      'kpi',
      figures.period,
      k.key,
      k.label,
      k.numerator,
      k.denominator,
      k.value,
      k.unit,
      k.target ? `${k.target.comparator} ${k.target.value}` : '',
      k.status,
    ]);
  figures.trend.kpis.forEach((k) => k.values.forEach((value, i) => rows.push(['trend', figures.trend.months[i], k.key, '', '', '', value, '', '', ''])));
  for (const v of figures.volumes) {
    const volume = (key: string, value: number | null) => rows.push(['volume', v.month, key, '', '', '', value, 'count', '', '']);
    volume('referrals-received', v.referralsReceived);
    volume('cases-opened', v.casesOpened);
    volume('cases-closed', v.casesClosed);
    for (const [outcome, n] of Object.entries(v.closedByOutcome)) volume(`closed:${outcome}`, n);
    volume('open-at-month-end', v.openAtMonthEnd);
    volume('deadlines-missed', v.deadlinesMissed);
    volume('surveys-answered', v.surveysAnswered);
    volume('mean-satisfaction', v.meanSatisfaction);
    volume('complaints-received', v.complaints.received);
    volume('complaints-acknowledged', v.complaints.acknowledged);
    volume('complaints-acknowledged-in-time', v.complaints.acknowledgedInTime);
    volume('complaints-responded', v.complaints.responded);
    volume('complaints-responded-in-time', v.complaints.respondedInTime);
    volume('complaints-open-at-month-end', v.complaints.openAtMonthEnd);
  }
  if (figures.spend) {
    const { spend } = figures;
    rows.push(['spend', figures.period, 'spent-in-period', '', '', '', spend.spentPence, 'pence', '', '']);
    if (spend.limit) {
      rows.push(['spend', figures.period, spend.limit.kind, '', '', '', spend.limit.pence, 'pence', '', '']);
      rows.push([
        'spend',
        figures.period,
        `spent-against-${spend.limit.kind}`,
        `${spend.limit.from ?? ''} to ${spend.limit.to}`,
        spend.limit.spentPence,
        spend.limit.pence,
        spend.limit.usedPercent,
        'percent',
        '',
        '',
      ]);
    }
  }
  rows.push(...localAuthorityRows(figures.period, figures.localAuthorities ?? []));
  return rows.map(line).join('\n') + '\n';
}
