/** A KPI's status against its target as a red, amber or green tag; grey when nothing can be judged. */
export interface Rag {
  text: string;
  colour: 'green' | 'red' | 'grey';
}

/**
 * The reporting service decides pass or fail against the contract's target; the console only says
 * it in RAG colours and words (a colour is never the only sign, WCAG 1.4.1). No amber band is
 * invented here: a contract's KPI has a target and nothing between.
 */
export function ragOf(status: 'pass' | 'fail' | 'no-data' | 'no-target'): Rag {
  switch (status) {
    case 'pass':
      return { text: 'Green: on target', colour: 'green' };
    case 'fail':
      return { text: 'Red: below target', colour: 'red' };
    case 'no-data':
      return { text: 'Nothing to measure', colour: 'grey' };
    default:
      return { text: 'No target', colour: 'grey' };
  }
}

const COMPARATORS: Record<string, string> = { lt: 'below', lte: 'at most', eq: 'exactly', gte: 'at least', gt: 'above' };

/** `at least 90%`, `at most 5 days`. */
export function targetText(target: { comparator: string; value: number; unit: string } | null): string {
  if (!target) return 'None';
  const unit = target.unit === 'percent' ? '%' : target.unit === 'days' ? ' days' : '';
  return `${COMPARATORS[target.comparator] ?? target.comparator} ${target.value}${unit}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month asked in the URL (`YYYY-MM`), else the London month now; and the 12 months before it to choose from. */
export function reportMonths(asked: string | undefined, thisMonth: string): { month: string; choices: string[] } {
  const choices = Array.from({ length: 13 }, (_, i) => {
    const [y, m] = thisMonth.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return { month: asked && MONTH.test(asked) ? asked : thisMonth, choices };
}

/** `November 2026`. */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));
}

/** £1,234.56 from pence. */
export function pounds(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}
