import type { ContractDefinition } from '@mediation/protocol';
import { periodEnded, procurementStops, whyContractCannotRun } from './contract-can-run.rule';

const definition = (more: Partial<ContractDefinition>) =>
  ({
    reference: 'C-1',
    title: 'Mediation',
    buyers: [{ name: 'A Council', role: 'council' }],
    lots: [],
    cpvCodes: [],
    awardCriteria: [],
    serviceLines: [],
    ...more,
  }) as ContractDefinition;
const now = new Date('2026-12-06T10:00:00Z');

describe('whether a contract could take referrals if published now', () => {
  it('a period that ended yesterday (London) cannot; one ending today, or with no end, can', () => {
    expect(periodEnded(definition({ period: { start: '2025-01-01', end: '2026-12-05' } }), now)).toEqual([
      { field: 'period.end', code: 'period-ended', message: expect.stringContaining('ended on 2026-12-05') },
    ]);
    expect(periodEnded(definition({ period: { start: '2025-01-01', end: '2026-12-06' } }), now)).toEqual([]);
    expect(periodEnded(definition({ period: { start: '2025-01-01' } }), now)).toEqual([]);
  });

  it('an ended period that extensions can still stretch says how to put it right', () => {
    const [reason] = periodEnded(
      definition({ period: { start: '2025-01-01', end: '2026-03-31', maxEnd: '2027-03-31', extensions: { count: 1, lengthMonths: 12 } } }),
      now,
    );
    expect(reason.message).toContain('extensions allow up to 2027-03-31');
  });

  it.each([
    ['tenderStatus', 'cancelled', 'tender-cancelled'],
    ['tenderStatus', 'unsuccessful', 'tender-unsuccessful'],
    ['awardStatus', 'cancelled', 'award-cancelled'],
    ['awardStatus', 'unsuccessful', 'award-unsuccessful'],
    ['contractStatus', 'terminated', 'contract-terminated'],
    ['contractStatus', 'cancelled', 'contract-cancelled'],
  ])('procurement %s %s stops it (%s)', (key, status, code) => {
    expect(procurementStops(definition({ procurement: { [key]: status, noticeUrls: [] } }))).toEqual([
      { field: `procurement.${key}`, code, message: expect.stringContaining(status) },
    ]);
  });

  it('a complete tender with an active award and contract is fine, and both kinds of reason are told together', () => {
    expect(
      procurementStops(definition({ procurement: { tenderStatus: 'complete', awardStatus: 'active', contractStatus: 'active', noticeUrls: [] } })),
    ).toEqual([]);
    const both = whyContractCannotRun(definition({ period: { end: '2011-06-30' }, procurement: { contractStatus: 'terminated', noticeUrls: [] } }), now);
    expect(both.map((r) => r.field)).toEqual(['period.end', 'procurement.contractStatus']);
  });
});
