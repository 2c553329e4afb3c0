import { paragraph, section, table } from '@mediation/documents';
import type { LocalAuthorityFigures } from '@mediation/protocol';

type Block = ReturnType<typeof section>;
const STATE = { received: 'Received', late: 'Received late', missing: 'Missing' } as const;

/** The pack's section on the programme outside cases: each local authority's counts, attendance and data returns for the month. */
export function localAuthoritiesSection(authorities: readonly LocalAuthorityFigures[]): Block {
  const kpiKeys = authorities[0]?.kpis ?? [];
  return section(
    'Local authorities',
    table(
      [
        { title: 'Local authority', width: 0.34 },
        ...kpiKeys.map((k) => ({ title: k.label, width: 0.5 / Math.max(kpiKeys.length, 1) })),
        { title: 'Attendees', width: 0.16 },
      ],
      authorities.map((a) => [a.name ?? a.authorityKey, ...a.kpis.map((k) => String(k.value)), String(a.attendees)]),
      'No local authority took part this month.',
    ),
    table(
      [
        { title: 'Local authority', width: 0.34 },
        { title: 'Return for', width: 0.16 },
        { title: 'Due', width: 0.16 },
        { title: 'State', width: 0.18 },
        { title: 'Received', width: 0.16 },
      ],
      authorities.flatMap((a) => a.dataReturns.map((r) => [a.name ?? a.authorityKey, r.period, r.dueOn, STATE[r.state], r.receivedOn ?? '–'])),
      'No data return was due for the month yet.',
    ),
    paragraph(
      'Activities count on the London day they were delivered, to the authority they served; a data return counts as received on the day it arrived, and as missing once its due day passed without it.',
      'note',
    ),
  );
}

/** The same figures as CSV rows (section, month, key, label, numerator, denominator, value, unit, target, status). */
export function localAuthorityRows(period: string, authorities: readonly LocalAuthorityFigures[]): unknown[][] {
  return authorities.flatMap((a) => [
    ...a.kpis.map((k) => ['local-authority', period, `${a.authorityKey}:${k.key}`, a.name ?? a.authorityKey, '', '', k.value, 'count', '', '']),
    ['local-authority', period, `${a.authorityKey}:attendees`, a.name ?? a.authorityKey, '', '', a.attendees, 'count', '', ''],
    ...a.dataReturns.map((r) => ['data-return', r.period, a.authorityKey, a.name ?? a.authorityKey, '', '', r.receivedOn ?? '', '', r.dueOn, r.state]),
  ]);
}
