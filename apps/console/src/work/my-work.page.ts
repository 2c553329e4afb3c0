import { markDoneForm } from '../cases/case-records.sections';
import { html } from '../http/html';
import { errorSummary, notice, page, type Viewer } from '../http/layout';
import { dataTable } from '../http/table';
import { londonCalendarDay, londonDateTime, londonDay } from '../http/london';
import { statusTag } from '../http/tags';
import type { DeadlineRow } from './due-deadlines';

export interface CaseRow {
  id: string;
  reference: string;
  serviceLine: string;
  status: string;
  openedAt: string;
  assignments: { name: string; role: string }[];
}

export interface TaskRow {
  id: string;
  caseId: string;
  caseReference: string;
  title: string;
  dueOn: string;
  assigneeStaffId: string | null;
}

export interface ComplaintRow {
  id: string;
  caseId: string;
  caseReference: string;
  status: string;
  receivedAt: string;
  acknowledgeBy: string | null;
  overdue: boolean;
}

/** The roles the API lets mark a task done (work a case) and acknowledge a complaint (manage one): `mayChange` of the Case page. */
type May = { work: boolean; manage: boolean };

/** Where an error summary points when the API refuses to mark a task done (the task may be gone from the list by then). */
export const OVERDUE_TASKS = 'overdue-tasks';

function tasksTable(tasks: readonly TaskRow[], mineOnly: boolean, may: May, csrf: string) {
  return dataTable({
    id: OVERDUE_TASKS,
    caption: mineOnly ? 'Tasks overdue: set for you or on your cases' : 'Tasks overdue',
    head: ['Was due', 'Task', 'Case', ...(may.work ? ['Action'] : [])],
    rows: tasks.map((t) => [
      html`${londonCalendarDay(t.dueOn)} ${statusTag('overdue')}`,
      t.title,
      html`<a class="govuk-link" href="/cases/${t.caseId}">${t.caseReference}</a>`,
      ...(may.work ? [markDoneForm(`/work/cases/${t.caseId}/tasks/${t.id}/complete`, csrf, t.title)] : []),
    ]),
    empty: `No tasks are overdue${mineOnly ? ' for you or on your cases' : ''}.`,
  });
}

function complaintsTable(complaints: readonly ComplaintRow[], may: May) {
  const table = dataTable({
    caption: 'Complaints to acknowledge',
    head: ['Acknowledge by', 'Received', 'Case', ...(may.manage ? ['Action'] : [])],
    rows: complaints.map((c) => [
      html`${c.acknowledgeBy ? londonDateTime(c.acknowledgeBy) : 'No date set by the line’s policy'} ${c.overdue ? statusTag('overdue') : ''}`,
      londonDateTime(c.receivedAt),
      html`<a class="govuk-link" href="/cases/${c.caseId}">${c.caseReference}</a>`,
      ...(may.manage
        ? [
            html`<a class="govuk-link" href="/work/cases/${c.caseId}/complaints/${c.id}/acknowledge"
              >Acknowledge<span class="govuk-visually-hidden"> the complaint on case ${c.caseReference} received ${londonDateTime(c.receivedAt)}</span></a
            >`,
          ]
        : []),
    ]),
    empty: 'Every complaint received has been acknowledged.',
  });
  return complaints.length && !may.manage
    ? html`${table}
        <p class="govuk-body-s">A case manager or an administrator acknowledges complaints.</p>`
    : table;
}

function caseTable(caption: string, cases: readonly CaseRow[], empty: string) {
  if (cases.length === 0)
    return html`<h2 class="govuk-heading-m">${caption}</h2>
      <p class="govuk-body">${empty}</p>`;
  return html`<table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--m">
      ${caption}
    </caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Case</th>
        <th scope="col" class="govuk-table__header">Service</th>
        <th scope="col" class="govuk-table__header">Status</th>
        <th scope="col" class="govuk-table__header">Opened</th>
        <th scope="col" class="govuk-table__header">Staff</th>
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      ${cases.map(
        (c) =>
          html`<tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href="/cases/${c.id}">${c.reference}</a></td>
            <td class="govuk-table__cell">${c.serviceLine}</td>
            <td class="govuk-table__cell">${statusTag(c.status)}</td>
            <td class="govuk-table__cell">${londonDay(c.openedAt)}</td>
            <td class="govuk-table__cell">${c.assignments.length ? c.assignments.map((a) => `${a.name} (${a.role})`).join(', ') : 'Nobody yet'}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function myWorkPage(options: {
  viewer: Viewer;
  csrf: string;
  mine: CaseRow[] | null;
  open: CaseRow[];
  deadlines: DeadlineRow[];
  tasks: TaskRow[];
  tasksMineOnly: boolean;
  complaints: ComplaintRow[];
  may: May;
  /** What the person just did, said in a success banner. */
  flash?: string;
  /** The API's refusal of a task marked done. */
  errors?: { href: string; text: string }[];
}) {
  return page(
    { title: 'My work', viewer: options.viewer, csrf: options.csrf, current: 'work', hasErrors: Boolean(options.errors?.length) },
    html`${errorSummary(options.errors ?? [])} ${options.flash ? notice(options.flash, 'success') : ''}
      <h1 class="govuk-heading-l">My work</h1>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          Deadlines breached or due in the next 10 working days
        </caption>
        ${
          options.deadlines.length === 0
            ? html`<tbody class="govuk-table__body">
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">No deadlines are breached or due in the next 10 working days on the open cases.</td>
                </tr>
              </tbody>`
            : html`<thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Due</th>
                    <th scope="col" class="govuk-table__header">Deadline</th>
                    <th scope="col" class="govuk-table__header">Case</th>
                    <th scope="col" class="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  ${options.deadlines.map(
                    (d) =>
                      html`<tr class="govuk-table__row">
                        <td class="govuk-table__cell">${d.dueAt ? londonDateTime(d.dueAt) : 'Waiting for a date'}</td>
                        <td class="govuk-table__cell">${d.label}</td>
                        <td class="govuk-table__cell"><a class="govuk-link" href="/cases/${d.caseId}">${d.caseReference}</a></td>
                        <td class="govuk-table__cell">${statusTag(d.status)}</td>
                      </tr>`,
                  )}
                </tbody>`
        }
      </table>
      ${tasksTable(options.tasks, options.tasksMineOnly, options.may, options.csrf)} ${complaintsTable(options.complaints, options.may)}
      ${options.mine ? caseTable('Cases assigned to you', options.mine, 'No cases are assigned to you.') : ''}
      ${caseTable('Open cases', options.open, 'There are no open cases. New referrals appear here once a case is opened.')}`,
  );
}
