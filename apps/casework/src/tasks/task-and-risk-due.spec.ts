import { toRiskAssessmentView } from '../risk/risk-assessment.view';
import type { RiskAssessmentRecord } from '../risk/risk-assessment.repository';
import { toTaskView } from './task.view';
import type { TaskRecord } from './task.repository';

const task = (fields: Partial<TaskRecord> = {}): TaskRecord => ({
  id: '01a50000-0000-7000-8000-000000000001',
  organisationId: '01a50000-0000-7000-8000-0000000000aa',
  caseId: '01a50000-0000-7000-8000-0000000000bb',
  title: 'Book the joint visit',
  dueOn: new Date('2026-06-10T00:00:00Z'),
  assigneeStaffId: null,
  completedAt: null,
  completedBy: null,
  createdBy: 'user:cm',
  createdAt: new Date('2026-06-01T09:00:00Z'),
  ...fields,
});

const assessment = (fields: Partial<RiskAssessmentRecord> = {}): RiskAssessmentRecord =>
  ({
    id: '01a50000-0000-7000-8000-000000000002',
    organisationId: '01a50000-0000-7000-8000-0000000000aa',
    caseId: '01a50000-0000-7000-8000-0000000000bb',
    level: 'medium',
    factors: ['dog at the property'],
    measures: null,
    reviewOn: new Date('2026-06-10T00:00:00Z'),
    assessedBy: 'user:cm',
    assessedAt: new Date('2026-06-01T09:00:00Z'),
    ...fields,
  }) as RiskAssessmentRecord;

describe('a task is overdue once its due day has ended in London', () => {
  it('is not overdue at 23:30 London time on the due day (22:30 UTC in summer), and is at 00:00 London the next day', () => {
    expect(toTaskView(task(), new Date('2026-06-10T22:30:00Z')).overdue).toBe(false);
    expect(toTaskView(task(), new Date('2026-06-10T23:00:00Z')).overdue).toBe(true);
  });

  it('a done task is never overdue', () => {
    expect(toTaskView(task({ completedAt: new Date('2026-06-12T09:00:00Z'), completedBy: 'user:cm' }), new Date('2026-07-01T09:00:00Z')).overdue).toBe(false);
  });
});

describe('the current risk assessment is due for review on its review day and overdue after it', () => {
  it('is neither before the day, due on the day (London), and overdue after it', () => {
    expect(toRiskAssessmentView(assessment(), new Date('2026-06-09T22:30:00Z'), true)).toMatchObject({ reviewDue: false, reviewOverdue: false });
    expect(toRiskAssessmentView(assessment(), new Date('2026-06-09T23:30:00Z'), true)).toMatchObject({ reviewDue: true, reviewOverdue: false });
    expect(toRiskAssessmentView(assessment(), new Date('2026-06-10T23:30:00Z'), true)).toMatchObject({ reviewDue: true, reviewOverdue: true });
  });

  it('an assessment a later one replaced is not due for review', () => {
    expect(toRiskAssessmentView(assessment(), new Date('2026-07-01T09:00:00Z'), false)).toMatchObject({ reviewDue: false, reviewOverdue: false });
  });
});
