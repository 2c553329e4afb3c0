import { myWorkPage, type ComplaintRow, type TaskRow } from './my-work.page';

const task: TaskRow = { id: 't1', caseId: 'c1', caseReference: 'HSG-1', title: 'Send the visit letter', dueOn: '2026-11-30', assigneeStaffId: null };
const complaint: ComplaintRow = {
  id: 'k1',
  caseId: 'c1',
  caseReference: 'HSG-1',
  status: 'received',
  receivedAt: '2026-12-01T10:00:00Z',
  acknowledgeBy: '2026-12-03T23:59:59Z',
  overdue: false,
};

function drawn(may: { work: boolean; manage: boolean }): string {
  return myWorkPage({
    viewer: { name: 'Pat', organisation: 'Provider', roles: [] },
    csrf: 'token',
    mine: null,
    open: [],
    deadlines: [],
    tasks: [task],
    tasksMineOnly: false,
    complaints: [complaint],
    may,
  }).toString();
}

describe('My work offers each action only to the roles the API accepts it from', () => {
  const markDone = 'action="/work/cases/c1/tasks/t1/complete"';
  const acknowledge = 'href="/work/cases/c1/complaints/k1/acknowledge"';

  it('a case manager marks tasks done and acknowledges complaints, each form carrying the form token', () => {
    const page = drawn({ work: true, manage: true });
    expect(page).toContain(markDone);
    expect(page).toContain('name="csrf" value="token"');
    expect(page).toContain(acknowledge);
    expect(page).not.toContain('A case manager or an administrator acknowledges complaints');
  });

  it('a mediator marks tasks done, and is told who acknowledges complaints instead of being offered it', () => {
    const page = drawn({ work: true, manage: false });
    expect(page).toContain(markDone);
    expect(page).not.toContain(acknowledge);
    expect(page).toContain('A case manager or an administrator acknowledges complaints');
  });

  it('an auditor only reads', () => {
    const page = drawn({ work: false, manage: false });
    expect(page).not.toContain(markDone);
    expect(page).not.toContain(acknowledge);
    expect(page).toContain('Send the visit letter');
  });
});
