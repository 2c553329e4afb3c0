import { html } from '../http/html';
import { londonCalendarDay, londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';
import { govukTable, optionalDateTime, textArea, textInput } from './govuk-controls';

export interface TaskItem {
  id: string;
  title: string;
  dueOn: string;
  assigneeStaffId: string | null;
  completedAt: string | null;
  overdue: boolean;
}

export interface CertificateItem {
  id: string;
  kind: string;
  issuedAt: string;
  supersededBy: string | null;
  replacementReason: string | null;
  appealDeadline: { dueAt: string; status: string } | null;
}

interface RecordsData {
  csrf: string;
  detail: { id: string; status: string; assignments: { staffId: string; name: string; role: string }[] };
  staff: { id: string; name: string }[] | null;
  tasks: TaskItem[];
  certificates: CertificateItem[];
  issuesCertificates: boolean;
  may: { work: boolean; manage: boolean };
  errors?: { href: string; text: string }[];
  values?: Record<string, unknown>;
}

const CERTIFICATE_KINDS: { key: string; label: string; needs: string }[] = [
  { key: 'after-mediation', label: 'After mediation', needs: 'a mediation recorded as held' },
  { key: 'declined', label: 'Mediation declined', needs: 'the case moved to mediation declined' },
  { key: 'deemed', label: 'Mediation could not be arranged within 30 days', needs: 'a mediation delay recorded' },
];

/** Who can be given a task: the staff list when the person may read it, otherwise the staff on the case. */
function assignees(data: RecordsData): { id: string; name: string }[] {
  return data.staff ?? data.detail.assignments.map((a) => ({ id: a.staffId, name: a.name }));
}

/**
 * The "Mark done" button of a task, posted with the form token to `action` (the Case page's route, or My
 * work's, which returns there); the task's title is read out with it, so each button says which task.
 */
export function markDoneForm(action: string, csrf: string, title: string) {
  return html`<form method="post" action="${action}" class="govuk-!-margin-top-2">
    <input type="hidden" name="csrf" value="${csrf}" />
    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
      Mark done<span class="govuk-visually-hidden">: ${title}</span>
    </button>
  </form>`;
}

export function tasksSection(data: RecordsData) {
  const { detail, csrf, tasks } = data;
  const names = new Map(assignees(data).map((s) => [s.id, s.name]));
  const list = tasks.length
    ? govukTable({
        id: 'task-list',
        caption: 'Tasks of the case',
        hideCaption: true,
        headers: ['Task', 'Due', 'Status'],
        rows: tasks.map(
          (t) =>
            html`<tr class="govuk-table__row">
              <td class="govuk-table__cell">
                ${t.title}${t.assigneeStaffId ? html`<br /><span class="govuk-body-s">${names.get(t.assigneeStaffId) ?? 'Another member of staff'}</span>` : ''}
              </td>
              <td class="govuk-table__cell">${londonCalendarDay(t.dueOn)}</td>
              <td class="govuk-table__cell">
                ${t.completedAt ? statusTag('done') : t.overdue ? statusTag('overdue') : statusTag('open')}
                ${t.completedAt || !data.may.work ? '' : markDoneForm(`/cases/${detail.id}/tasks/${t.id}/complete`, csrf, t.title)}
              </td>
            </tr>`,
        ),
      })
    : html`<p class="govuk-body">No tasks are set on this case.</p>`;
  if (!data.may.work) return list;
  return html`${list}
    <form method="post" action="/cases/${detail.id}/tasks" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      <h3 class="govuk-heading-s">Add a task</h3>
      ${textInput({ id: 'task-title', name: 'title', label: 'What needs doing' }, data)}
      ${textInput({ id: 'task-dueOn', name: 'dueOn', label: 'Due on', hint: 'London date', type: 'date', width: 10 }, data)}
      <div class="govuk-form-group">
        <label class="govuk-label" for="task-assignee">Who does it (optional)</label>
        <select class="govuk-select" id="task-assignee" name="assigneeStaffId">
          <option value="">Nobody yet</option>
          ${assignees(data).map((s) => html`<option value="${s.id}">${s.name}</option>`)}
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add task</button>
    </form>`;
}

export function certificatesSection(data: RecordsData) {
  const { detail, csrf, certificates } = data;
  const current = certificates.find((c) => !c.supersededBy);
  const label = (kind: string) => CERTIFICATE_KINDS.find((k) => k.key === kind)?.label ?? kind;
  const list = certificates.length
    ? html`<ul class="govuk-list govuk-list--spaced" id="certificate-list">
        ${certificates.map(
          (c) =>
            html`<li>
              ${label(c.kind)}, issued ${londonDateTime(c.issuedAt)} ${c.supersededBy ? statusTag('replaced') : ''}
              ${
                c.supersededBy
                  ? ''
                  : html`<br /><span class="govuk-body-s"
                        >${c.appealDeadline ? `Last day to appeal: ${londonDateTime(c.appealDeadline.dueAt)}` : 'The appeal deadline is being worked out: reload this page in a few seconds.'}</span
                      >`
              }
              ${c.replacementReason ? html`<br /><span class="govuk-body-s">Replaced the earlier one because: ${c.replacementReason}</span>` : ''}
              <br /><a class="govuk-link" href="/cases/${detail.id}/certificates/${c.id}" download
                >Download the certificate<span class="govuk-visually-hidden"> issued ${londonDateTime(c.issuedAt)}</span> (PDF)</a
              >
            </li>`,
        )}
      </ul>`
    : html`<p class="govuk-body">No certificate has been issued on this case.</p>`;
  if (!data.issuesCertificates || !data.may.manage) return list;
  return html`${list}
    <form method="post" action="/cases/${detail.id}/certificates" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      ${current ? html`<input type="hidden" name="replaces" value="${current.id}" />` : ''}
      <h3 class="govuk-heading-s">${current ? 'Replace the certificate' : 'Issue a certificate'}</h3>
      <div class="govuk-form-group">
        <label class="govuk-label" for="certificate-kind">What it certifies</label>
        <div id="certificate-kind-hint" class="govuk-hint">
          ${CERTIFICATE_KINDS.map((k) => `${k.label} needs ${k.needs}`).join('. ')}. The family is emailed the certificate.
        </div>
        <select class="govuk-select" id="certificate-kind" name="kind" aria-describedby="certificate-kind-hint">
          ${CERTIFICATE_KINDS.map((k) => html`<option value="${k.key}">${k.label}</option>`)}
        </select>
      </div>
      ${optionalDateTime({ dateId: 'certificate-issuedDate', dateName: 'issuedDate', timeId: 'certificate-issuedTime', timeName: 'issuedTime', dateLabel: 'Date issued (optional)', timeLabel: 'Time issued (optional)', hint: 'London date and time; leave both empty for now' }, data)}
      ${current ? textArea({ id: 'certificate-replacementReason', name: 'replacementReason', label: 'Why it replaces the current one' }, data) : ''}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        ${current ? 'Replace certificate' : 'Issue certificate'}
      </button>
    </form>`;
}

export function evidenceSection(caseId: string, exhibits: number) {
  return html`<p class="govuk-body">
    ${exhibits === 0 ? 'No exhibits yet.' : exhibits === 1 ? 'One exhibit.' : `${exhibits} exhibits.`}
    <a class="govuk-link" href="/cases/${caseId}/evidence">Open the evidence</a> to add an exhibit, download one or make a court bundle.
  </p>`;
}
