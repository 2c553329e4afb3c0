import { html } from '../http/html';
import { londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';

export interface SessionItem {
  id: string;
  sessionTypeLabel: string;
  mode: string;
  location: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  heldAt: string | null;
  cancelledAt: string | null;
  statusReason: string | null;
  notice?: { requiredWorkingDays: number | null; givenWorkingDays: number; waived?: { by: string; reason: string } | null } | null;
}

export interface NoteItem {
  body: string;
  createdAt: string;
  sensitive?: boolean;
}

/** The notice the parties had, against the line's rule, as a sentence. */
export function noticeText(notice: SessionItem['notice']): string {
  if (!notice) return '';
  const rule = notice.requiredWorkingDays === null ? 'no notice rule on this service line' : `${notice.requiredWorkingDays} required`;
  const waived = notice.waived ? `; less notice agreed by ${notice.waived.by}` : '';
  return `${notice.givenWorkingDays} working days’ notice (${rule}${waived})`;
}

/** The case's sessions, each with its notice and, while booked, a link to record, move or cancel it. */
export function sessionList(data: { detail: { id: string }; sessions: SessionItem[]; may: { work: boolean } }) {
  if (data.sessions.length === 0) return html`<p class="govuk-body">No sessions are booked.</p>`;
  return html`<ul class="govuk-list govuk-list--spaced">
    ${data.sessions.map(
      (s) =>
        html`<li>
          ${s.sessionTypeLabel}: ${londonDateTime(s.startsAt)} ${statusTag(s.status)}
          <br /><span class="govuk-body-s">${noticeText(s.notice)}${s.statusReason ? html`. Why: ${s.statusReason}` : ''}</span>
          ${
            s.status === 'booked' && data.may.work
              ? html`<br /><a class="govuk-link" href="/cases/${data.detail.id}/sessions/${s.id}"
                    >Record, move or cancel<span class="govuk-visually-hidden"> the ${s.sessionTypeLabel} on ${londonDateTime(s.startsAt)}</span></a
                  >`
              : ''
          }
        </li>`,
    )}
  </ul>`;
}

/** Notes as the list gives them: sensitive ones are not in it, and are read only with a reason. */
export function noteList(caseId: string, notes: NoteItem[]) {
  return html`${
      notes.length
        ? html`<ul class="govuk-list">
            ${notes.map((n) => html`<li><span class="govuk-body-s">${londonDateTime(n.createdAt)}</span><br />${n.body}</li>`)}
          </ul>`
        : html`<p class="govuk-body">No notes yet.</p>`
    }
    <p class="govuk-body">
      Sensitive notes are not shown here.
      <a class="govuk-link" href="/cases/${caseId}/notes/sensitive">Read all notes, sensitive ones included</a> (you will be asked why).
    </p>`;
}
