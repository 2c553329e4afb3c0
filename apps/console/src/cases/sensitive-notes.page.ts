import { html } from '../http/html';
import { errorSummary, page, type Viewer } from '../http/layout';
import { londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';
import type { NoteItem } from './case-sessions.sections';
import { textArea } from './govuk-controls';

export interface SensitiveNotesData {
  viewer: Viewer;
  csrf: string;
  caseId: string;
  reference: string;
  /** Null until a reason has been given: then the form asks for one. */
  notes: NoteItem[] | null;
  errors?: { href: string; text: string }[];
}

/**
 * Sensitive notes are read only with a reason, which the API records with the read: first the reason form
 * (posted, so the reason is never in a URL), then the notes, sensitive ones marked.
 */
export function sensitiveNotesPage(data: SensitiveNotesData) {
  const title = data.notes ? `All notes on case ${data.reference}` : `Why you need the sensitive notes of case ${data.reference}`;
  return page(
    { title, viewer: data.viewer, csrf: data.csrf, current: 'work', hasErrors: Boolean(data.errors?.length) },
    html`<a href="/cases/${data.caseId}" class="govuk-back-link">Back to case ${data.reference}</a>
      ${errorSummary(data.errors ?? [])}
      <span class="govuk-caption-l">Case ${data.reference}</span>
      ${
        data.notes
          ? html`<h1 class="govuk-heading-l">All notes</h1>
              <p class="govuk-body">Your reason was recorded with this read. Leave this page when you are done; it is not kept in your browser’s history.</p>
              ${
                data.notes.length
                  ? html`<ul class="govuk-list govuk-list--spaced" id="all-notes">
                      ${data.notes.map(
                        (n) =>
                          html`<li>
                            <span class="govuk-body-s">${londonDateTime(n.createdAt)}</span> ${n.sensitive ? statusTag('sensitive') : ''}<br />${n.body}
                          </li>`,
                      )}
                    </ul>`
                  : html`<p class="govuk-body">There are no notes on this case.</p>`
              }`
          : html`<form method="post" action="/cases/${data.caseId}/notes/sensitive" novalidate>
              <input type="hidden" name="csrf" value="${data.csrf}" />
              <h1 class="govuk-heading-l">Why do you need to read the sensitive notes?</h1>
              ${textArea(
                {
                  id: 'access-reason',
                  name: 'reason',
                  label: 'Your reason',
                  hint: 'They hold health, criminal or other special-category detail. Your reason is recorded in the audit trail with your name, for example “preparing the mediation session on Tuesday”. 5 to 500 characters.',
                  rows: 3,
                },
                { errors: data.errors },
              )}
              <button type="submit" class="govuk-button" data-module="govuk-button">Show the notes</button>
            </form>`
      }`,
  );
}
