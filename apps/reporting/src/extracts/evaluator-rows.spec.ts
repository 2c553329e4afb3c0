import { EVALUATOR_DICTIONARY } from '@mediation/protocol';
import { openedCase, type CaseFacts } from '../kpis/kpi-engine';
import { evaluatorCsv, evaluatorRows, pseudonym } from './evaluator-rows';

const KEY = 'a-test-key-that-is-long-enough-for-hmac-000';
const caseOf = (over: Partial<CaseFacts>): CaseFacts => ({
  ...openedCase({
    caseId: '00000000-0000-7000-8000-000000000001',
    reference: 'SEND-2026-000001',
    contractVersion: 2,
    serviceLine: 'send-mediation',
    receivedAt: new Date('2026-11-02T10:00:00Z'),
    openedAt: new Date('2026-11-03T10:00:00Z'),
  }),
  ...over,
});

describe('the evaluator extract', () => {
  it('a pseudonym is stable for one recipient of one contract, different for another recipient or contract, and is not the case id', () => {
    const p = pseudonym(KEY, 'contract-a', 'evaluator-1', 'case-1');
    expect(pseudonym(KEY, 'contract-a', 'evaluator-1', 'case-1')).toBe(p);
    expect(pseudonym(KEY, 'contract-a', 'evaluator-2', 'case-1')).not.toBe(p);
    expect(pseudonym(KEY, 'contract-b', 'evaluator-1', 'case-1')).not.toBe(p);
    expect(pseudonym('another-key-that-is-long-enough-for-hmac-00', 'contract-a', 'evaluator-1', 'case-1')).not.toBe(p);
    expect(p).toMatch(/^[0-9a-f]{32}$/);
  });

  it('one row per case received in the range, in the dictionary’s columns; dates as months, durations in days; no reference', () => {
    const closed = caseOf({
      milestones: [
        { name: 'contact.made', occurredAt: new Date('2026-11-04T10:00:00Z') },
        { name: 'mediation.held', occurredAt: new Date('2026-11-20T10:00:00Z') },
      ],
      deadlines: [
        { deadlineId: 'd1', rule: 'mediation-within-30-days', dueAt: new Date('2026-12-02T23:59:59Z'), result: 'met' },
        { deadlineId: 'd2', rule: 'certificate-after-mediation', dueAt: new Date('2026-11-25T23:59:59Z'), result: 'missed' },
      ],
      closures: [{ closedAt: new Date('2026-11-21T10:00:00Z'), outcome: 'agreement-reached', expected: true }],
      surveys: [{ answeredAt: new Date('2026-11-25T10:00:00Z'), scores: { satisfaction: 4 } }],
    });
    const outside = caseOf({ caseId: '00000000-0000-7000-8000-000000000002', receivedAt: new Date('2026-10-31T10:00:00Z') });
    const rows = evaluatorRows([closed, outside], { from: '2026-11-01', to: '2026-11-30' }, (id) => `p-${id.slice(-1)}`);
    expect(rows).toEqual([['p-1', 'send-mediation', 2, '2026-11', 1, 1, 1, 1, 1, 0, 'closed', '2026-11', 18, 'agreement-reached', 1, 0, 4]]);
    const csv = evaluatorCsv(rows);
    expect(csv.split('\n')[0]).toBe(EVALUATOR_DICTIONARY.map((d) => d.column).join(','));
    expect(csv).not.toContain('SEND-2026-000001');
    expect(csv).not.toContain(closed.caseId);
  });
});
