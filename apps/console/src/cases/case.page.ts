import { html, type Html } from '../http/html';
import { errorSummary, notice, page, type Viewer } from '../http/layout';
import { londonDateTime, londonDay } from '../http/london';
import { statusTag } from '../http/tags';
import { govukTable, textArea } from './govuk-controls';
import { certificatesSection, evidenceSection, tasksSection, type CertificateItem, type TaskItem } from './case-records.sections';
import { noteList, sessionList, type NoteItem, type SessionItem } from './case-sessions.sections';

export interface CaseDetail {
  id: string;
  reference: string;
  serviceLine: string;
  status: string;
  openedAt: string;
  outcome: string | null;
  closedAt: string | null;
  referrer: { name: string; email: string; organisation?: string } | null;
  externalReference: string | null;
  allowedTransitions: { to: string; requires: string[] }[];
  assignments: { id: string; staffId: string; role: string; name: string }[];
  deadlines: {
    id: string;
    label: string;
    basis: string;
    basisSource: { document: string; section?: string } | null;
    dueAt: string | null;
    status: string;
    awaitingField: string | null;
  }[];
}

export interface CasePageData {
  viewer: Viewer;
  csrf: string;
  detail: CaseDetail;
  parties: { name: string; role: string; email: string | null; phone: string | null; interpreterLanguage: string | null }[];
  timeline: { at: string; kind: string; summary: string }[];
  notes: NoteItem[];
  sessions: SessionItem[];
  tasks: TaskItem[];
  certificates: CertificateItem[];
  /** Whether the case's service line issues mediation certificates (SEND). */
  issuesCertificates: boolean;
  /** What the person's roles let them change (the API's CASE_WORKERS and CASE_MANAGERS); the page offers only that. */
  may: { work: boolean; manage: boolean };
  /** How many exhibits the case has; null when the person's roles do not let them see evidence. */
  exhibits: number | null;
  sessionTypes: { key: string; label: string }[] | null;
  reports: { id: string; closure: number; issuedAt?: string; createdAt?: string }[];
  outcomes: { key: string; label: string }[] | null;
  staff: { id: string; name: string }[] | null;
  flash?: string;
  errors?: { href: string; text: string }[];
  /** What was typed in the form the API refused. */
  values?: Record<string, unknown>;
}

export function summaryRow(key: string, value: Html | string) {
  return html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt>
    <dd class="govuk-summary-list__value">${value}</dd>
  </div>`;
}

export function section(id: string, title: string, body: Html) {
  return html`<section aria-labelledby="${id}" class="govuk-!-margin-bottom-8">
    <h2 class="govuk-heading-m" id="${id}">${title}</h2>
    ${body}
  </section>`;
}

function deadlines(data: CasePageData) {
  const rows = data.detail.deadlines;
  if (rows.length === 0) return html`<p class="govuk-body">No clocks are running on this case yet; they start once the case is opened.</p>`;
  return govukTable({
    id: 'deadlines',
    caption: 'Deadlines of the case',
    hideCaption: true,
    headers: ['Deadline', 'Due', 'Status', 'Legal basis'],
    rows: rows.map(
      (d) =>
        html`<tr class="govuk-table__row">
          <td class="govuk-table__cell">${d.label}</td>
          <td class="govuk-table__cell">${d.dueAt ? londonDateTime(d.dueAt) : d.awaitingField ? `Waiting for ${d.awaitingField}` : 'Not set'}</td>
          <td class="govuk-table__cell">${statusTag(d.status)}</td>
          <td class="govuk-table__cell">
            ${d.basis}${d.basisSource ? html`<br /><span class="govuk-body-s">${d.basisSource.document}${d.basisSource.section ? `, ${d.basisSource.section}` : ''}</span>` : ''}
          </td>
        </tr>`,
    ),
  });
}

function moves(data: CasePageData) {
  const { detail, csrf } = data;
  const transitions = detail.allowedTransitions.filter((t) => t.to !== 'closed');
  // Closing is its own verb (POST /close) that the API judges from any open status; the page offers it while the case is open.
  const closable = detail.status !== 'closed' && data.outcomes;
  if (transitions.length === 0 && !closable) return html`<p class="govuk-body">No moves are allowed from ${detail.status}.</p>`;
  return html`${transitions.map(
    (t) =>
      html`<form method="post" action="/cases/${detail.id}/transitions" class="govuk-!-margin-bottom-4">
        <input type="hidden" name="csrf" value="${csrf}" /><input type="hidden" name="to" value="${t.to}" />
        ${
          t.requires.includes('reason')
            ? html`<div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="reason-${t.to}">Why (needed to move to ${t.to.replace(/-/g, ' ')})</label>
                <textarea class="govuk-textarea" id="reason-${t.to}" name="reason" rows="2"></textarea>
              </div>`
            : ''
        }
        <button type="submit" class="govuk-button govuk-!-margin-bottom-1" data-module="govuk-button">Move to ${t.to.replace(/-/g, ' ')}</button>
        ${t.requires.length ? html`<p class="govuk-hint">Needs: ${t.requires.map((r) => r.replace(/-/g, ' ')).join(', ')}</p>` : ''}
      </form>`,
  )}
  ${
    closable
      ? html`<form method="post" action="/cases/${detail.id}/close" novalidate>
          <input type="hidden" name="csrf" value="${csrf}" />
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="outcome">Close the case with an outcome</label>
            <select class="govuk-select" id="outcome" name="outcome">
              ${data.outcomes!.map((o) => html`<option value="${o.key}">${o.label}</option>`)}
            </select>
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="reason">Closing summary</label>
            <div id="reason-hint" class="govuk-hint">Printed on the case report sent to the referrer</div>
            <textarea class="govuk-textarea" id="reason" name="reason" rows="3" aria-describedby="reason-hint"></textarea>
          </div>
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Close case</button>
        </form>`
      : ''
  }`;
}

function staffing(data: CasePageData) {
  const { detail, csrf, staff } = data;
  const current = detail.assignments.length
    ? html`<ul class="govuk-list">
        ${detail.assignments.map((a) => html`<li>${a.name} (${a.role})</li>`)}
      </ul>`
    : html`<p class="govuk-body">Nobody is assigned yet.</p>`;
  if (!staff || staff.length === 0) return current;
  return html`${current}
    <form method="post" action="/cases/${detail.id}/assignments" novalidate>
      <input type="hidden" name="csrf" value="${csrf}" />
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="staffId">Member of staff</label>
        <select class="govuk-select" id="staffId" name="staffId">
          ${staff.map((s) => html`<option value="${s.id}">${s.name}</option>`)}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="role">Role on the case</label>
        <select class="govuk-select" id="role" name="role">
          <option value="case-manager">Case manager</option>
          <option value="mediator">Mediator</option>
          <option value="professional-witness">Professional witness</option>
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Assign</button>
    </form>`;
}

export function casePage(data: CasePageData) {
  const d = data.detail;
  return page(
    { title: `Case ${d.reference}`, viewer: data.viewer, csrf: data.csrf, current: 'work', hasErrors: Boolean(data.errors?.length) },
    html`${errorSummary(data.errors ?? [])} ${data.flash ? notice(data.flash, 'success') : ''}
      <span class="govuk-caption-l">${d.serviceLine}</span>
      <h1 class="govuk-heading-l">Case ${d.reference} ${statusTag(d.status)}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          ${section(
            'summary',
            'Summary',
            html`<dl class="govuk-summary-list">
              ${summaryRow('Status', statusTag(d.status))} ${summaryRow('Opened', londonDay(d.openedAt))}
              ${summaryRow('Referred by', d.referrer ? `${d.referrer.name}${d.referrer.organisation ? `, ${d.referrer.organisation}` : ''}` : 'Not recorded')}
              ${d.externalReference ? summaryRow('Their reference', d.externalReference) : ''} ${d.outcome ? summaryRow('Outcome', d.outcome) : ''}
              ${d.closedAt ? summaryRow('Closed', londonDateTime(d.closedAt)) : ''}
            </dl>`,
          )}
          ${section('deadlines-heading', 'Deadlines', deadlines(data))}
          ${section(
            'parties',
            'Parties',
            data.parties.length
              ? html`<dl class="govuk-summary-list">
                  ${data.parties.map((p) =>
                    summaryRow(
                      p.role,
                      html`${p.name}${p.email ? html`<br />${p.email}` : ''}${p.phone ? html`<br />${p.phone}` : ''}${p.interpreterLanguage ? html`<br />Interpreter: ${p.interpreterLanguage}` : ''}`,
                    ),
                  )}
                </dl>`
              : html`<p class="govuk-body">No parties are recorded.</p>`,
          )}
          ${section('sessions', 'Sessions', sessionList(data))} ${bookSession(data)}
          ${section(
            'notes',
            'Notes',
            html`${noteList(d.id, data.notes)}
              <form method="post" action="/cases/${d.id}/notes" novalidate>
                <input type="hidden" name="csrf" value="${data.csrf}" />
                ${textArea({ id: 'note', name: 'body', label: 'Add a note', rows: 3 }, data)}
                <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
                  <div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="note-sensitive"
                      name="sensitive"
                      type="checkbox"
                      value="yes"
                      aria-describedby="note-sensitive-hint"
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="note-sensitive">Sensitive note</label>
                    <div id="note-sensitive-hint" class="govuk-hint govuk-checkboxes__hint">
                      Health, criminal or other special-category detail: kept encrypted, off the timeline, and every read is recorded with its reason
                    </div>
                  </div>
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add note</button>
              </form>`,
          )}
          ${section('tasks', 'Tasks', tasksSection(data))}
          ${data.issuesCertificates || data.certificates.length ? section('certificates', 'Mediation certificates', certificatesSection(data)) : ''}
          ${data.exhibits !== null ? section('evidence', 'Evidence', evidenceSection(d.id, data.exhibits)) : ''}
          ${section(
            'timeline',
            'Timeline',
            data.timeline.length
              ? html`<ol class="govuk-list">
                  ${[...data.timeline].reverse().map((t) => html`<li><span class="govuk-body-s">${londonDateTime(t.at)}</span><br />${t.summary}</li>`)}
                </ol>`
              : html`<p class="govuk-body">Nothing has happened yet.</p>`,
          )}
        </div>
        <div class="govuk-grid-column-one-third">
          ${section('moves', 'What can happen next', moves(data))} ${section('staff', 'Staff', staffing(data))}
          ${section(
            'reports',
            'Case report',
            data.reports.length
              ? html`<ul class="govuk-list">
                  ${data.reports.map(
                    (r) =>
                      html`<li>
                        <a class="govuk-link" href="/cases/${d.id}/reports/${r.id}" download>Download the case report (closure ${r.closure}, PDF)</a>
                      </li>`,
                  )}
                </ul>`
              : html`<p class="govuk-body">The case report is issued when the case closes. If you just closed it, reload this page in a few seconds.</p>`,
          )}
        </div>
      </div>`,
  );
}

/** Book a session: the staff on the case attend with every party; the API applies the line's notice rule and names it when it refuses. */
function bookSession(data: CasePageData) {
  const { detail, csrf } = data;
  if (detail.status === 'closed' || !data.sessionTypes?.length || detail.assignments.length === 0) return html``;
  return html`<form method="post" action="/cases/${detail.id}/sessions" novalidate class="govuk-!-margin-bottom-8">
    <input type="hidden" name="csrf" value="${csrf}" />
    <h3 class="govuk-heading-s">Book a session</h3>
    <div class="govuk-form-group">
      <label class="govuk-label" for="sessionType">Kind of session</label>
      <select class="govuk-select" id="sessionType" name="sessionType">
        ${data.sessionTypes.map((t) => html`<option value="${t.key}">${t.label}</option>`)}
      </select>
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="mode">How</label>
      <select class="govuk-select" id="mode" name="mode">
        <option value="in-person">In person</option>
        <option value="video">Video</option>
        <option value="phone">Phone</option>
      </select>
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="location">Where (optional)</label>
      <div id="location-hint" class="govuk-hint">For an in-person session, for example the service user’s home</div>
      <input class="govuk-input" id="location" name="location" type="text" aria-describedby="location-hint" />
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="date">Date</label>
      <div id="date-hint" class="govuk-hint">London date. The contract’s notice rule is checked when you book.</div>
      <input class="govuk-input govuk-input--width-10" id="date" name="date" type="date" aria-describedby="date-hint" />
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="time">Start time</label>
      <div id="time-hint" class="govuk-hint">24-hour clock, London time, for example 14:30</div>
      <input class="govuk-input govuk-input--width-5" id="time" name="time" type="text" inputmode="numeric" aria-describedby="time-hint" />
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="minutes">Length in minutes</label>
      <input class="govuk-input govuk-input--width-3" id="minutes" name="minutes" type="text" inputmode="numeric" value="60" />
    </div>
    <div class="govuk-form-group">
      <label class="govuk-label" for="sessionStaff">Staff attending</label>
      <select class="govuk-select" id="sessionStaff" name="staffId">
        ${detail.assignments.map((a) => html`<option value="${a.staffId}">${a.name} (${a.role})</option>`)}
      </select>
    </div>
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Book session</button>
  </form>`;
}
