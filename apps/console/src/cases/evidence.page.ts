import { html, type Html } from '../http/html';
import { errorSummary, notice, page, type Viewer } from '../http/layout';
import { londonDateTime } from '../http/london';
import { bundleList, type CourtBundle } from './court-bundles.sections';
import { govukTable, optionalDateTime, textArea, textInput } from './govuk-controls';

export interface ExhibitItem {
  id: string;
  exhibitRef: string;
  kind: string;
  description: string;
  producedBy: string;
  capturedAt: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  objectsDeletedAt: string | null;
  createdAt: string;
}

interface Base {
  viewer: Viewer;
  csrf: string;
  caseId: string;
  reference: string;
  errors?: { href: string; text: string }[];
  /** What was typed in the form the API refused (never a file: that is chosen again). */
  values?: Record<string, unknown>;
}

const KINDS: [string, string][] = [
  ['witness-statement', 'Witness statement'],
  ['noise-diary', 'Noise diary'],
  ['recording', 'Recording'],
  ['photograph', 'Photograph'],
  ['agreement', 'Agreement'],
  ['letter', 'Letter'],
  ['other', 'Something else'],
];

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function frame(data: Base, title: string, body: Html) {
  return page(
    { title: `${title}, case ${data.reference}`, viewer: data.viewer, csrf: data.csrf, current: 'work', hasErrors: Boolean(data.errors?.length) },
    html`<a href="/cases/${data.caseId}" class="govuk-back-link">Back to case ${data.reference}</a>
      ${errorSummary(data.errors ?? [])}
      <span class="govuk-caption-l">Case ${data.reference}</span>
      ${body}`,
  );
}

/** The case's exhibits with their hashes, its court bundles, the upload form, and a court bundle of chosen exhibits. */
export function evidencePage(data: Base & { items: ExhibitItem[]; bundles: CourtBundle[]; viewerActorId: string; flash?: string }) {
  const table = data.items.length
    ? govukTable({
        id: 'exhibits',
        caption: 'Exhibits of the case, in exhibit order',
        hideCaption: true,
        headers: ['Exhibit', 'What it shows', 'Added', 'File'],
        rows: data.items.map(
          (e) =>
            html`<tr class="govuk-table__row">
              <td class="govuk-table__cell">${e.exhibitRef}</td>
              <td class="govuk-table__cell">
                ${e.description}<br /><span class="govuk-body-s"
                  >${e.kind.replace(/-/g, ' ')}, produced by ${e.producedBy}${e.capturedAt ? `, captured ${londonDateTime(e.capturedAt)}` : ''}</span
                >
              </td>
              <td class="govuk-table__cell">${londonDateTime(e.createdAt)}</td>
              <td class="govuk-table__cell">
                ${
                  e.objectsDeletedAt
                    ? `Deleted at retention, ${londonDateTime(e.objectsDeletedAt)}`
                    : html`<a class="govuk-link" href="/cases/${data.caseId}/evidence/${e.id}">Download ${e.exhibitRef}</a> <br /><span class="govuk-body-s"
                          >${e.mediaType}, ${size(e.sizeBytes)}</span
                        >`
                }
              </td>
            </tr>`,
        ),
      })
    : html`<p class="govuk-body">No exhibits yet. Add the first one below.</p>`;
  return frame(
    data,
    'Evidence',
    html`${data.flash ? notice(data.flash, 'success') : ''}
      <h1 class="govuk-heading-l">Evidence</h1>
      ${table} ${bundleList(data.caseId, data.bundles, data.viewerActorId)}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form method="post" action="/cases/${data.caseId}/evidence" enctype="multipart/form-data" novalidate id="upload" class="govuk-!-margin-bottom-8">
            <input type="hidden" name="csrf" value="${data.csrf}" />
            <h2 class="govuk-heading-m">Add an exhibit</h2>
            <div class="govuk-form-group">
              <label class="govuk-label" for="kind">What it is</label>
              <select class="govuk-select" id="kind" name="kind">
                ${KINDS.map(([key, label]) => html`<option value="${key}">${label}</option>`)}
              </select>
            </div>
            ${textArea({ id: 'description', name: 'description', label: 'What it shows', hint: 'As a bundle’s index will list it' }, data)}
            ${textInput(
              {
                id: 'producedBy',
                name: 'producedBy',
                label: 'Who produced it',
                hint: 'The witness who exhibits it; the exhibit number starts with their initials, for example JS/1',
              },
              data,
            )}
            ${optionalDateTime({ dateId: 'capturedDate', dateName: 'capturedDate', timeId: 'capturedTime', timeName: 'capturedTime', dateLabel: 'Date it was made (optional)', timeLabel: 'Time it was made (optional)', hint: 'London date the recording, photograph or document was made' }, data)}
            ${textInput({ id: 'capturedWhere', name: 'capturedWhere', label: 'Where it was made (optional)' }, data)}
            ${textInput({ id: 'source', name: 'source', label: 'Where it came from (optional)' }, data)}
            <div class="govuk-form-group">
              <label class="govuk-label" for="file">The file</label>
              <div id="file-hint" class="govuk-hint">PDF, image, audio, video, office document or plain text</div>
              <input class="govuk-file-upload" id="file" name="file" type="file" aria-describedby="file-hint" />
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Add exhibit</button>
          </form>
          ${data.items.length ? bundleForm(data) : ''}
        </div>
      </div>`,
  );
}

function bundleForm(data: Base & { items: ExhibitItem[] }) {
  return html`<form method="post" action="/cases/${data.caseId}/bundles" novalidate id="bundle">
    <input type="hidden" name="csrf" value="${data.csrf}" />
    <h2 class="govuk-heading-m">Make a court bundle</h2>
    <p class="govuk-body">
      One PDF with a front sheet, an index and numbered pages; each exhibit is checked against its hash first. It is listed under Court bundles above, to
      download whenever it is needed.
    </p>
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="items-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Exhibits to include</legend>
        <div id="items-hint" class="govuk-hint">In the order listed</div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes" id="items">
          ${data.items
            .filter((e) => !e.objectsDeletedAt)
            .map(
              (e, i) =>
                html`<div class="govuk-checkboxes__item">
                  <input class="govuk-checkboxes__input" id="items-${String(i)}" name="items" type="checkbox" value="${e.id}" checked />
                  <label class="govuk-label govuk-checkboxes__label" for="items-${String(i)}">${e.exhibitRef}: ${e.description}</label>
                </div>`,
            )}
        </div>
      </fieldset>
    </div>
    ${textInput({ id: 'bundle-title', name: 'title', label: 'Title', hint: 'As the front sheet says, for example “Hearing bundle: claim K00LB123, Lambeth County Court”' }, data)}
    ${textInput({ id: 'bundle-preparedFor', name: 'preparedFor', label: 'Who it is for (optional)', hint: 'For example the court and the hearing date' }, data)}
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Make bundle</button>
  </form>`;
}

/** A file that holds sensitive detail is downloaded only with a reason, posted (never in a URL) and recorded with the download. */
export function downloadPage(data: Base & { title: string; action: string; details: Html; button: string }) {
  return frame(
    data,
    data.title,
    html`<h1 class="govuk-heading-l">${data.title}</h1>
      ${data.details}
      <form method="post" action="${data.action}" novalidate>
        <input type="hidden" name="csrf" value="${data.csrf}" />
        ${textArea({ id: 'access-reason', name: 'reason', label: 'Why do you need this file?', hint: 'Recorded with the download in the audit trail and the exhibit’s chain of custody, for example “preparing the hearing bundle”. 5 to 500 characters.' }, data)}
        <button type="submit" class="govuk-button" data-module="govuk-button">${data.button}</button>
      </form>`,
  );
}

export function exhibitDetails(e: ExhibitItem) {
  return html`<dl class="govuk-summary-list">
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">What it shows</dt>
      <dd class="govuk-summary-list__value">${e.description}</dd>
    </div>
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">File</dt>
      <dd class="govuk-summary-list__value">${e.fileName}, ${e.mediaType}, ${size(e.sizeBytes)}</dd>
    </div>
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">SHA-256</dt>
      <dd class="govuk-summary-list__value"><code>${e.sha256}</code></dd>
    </div>
  </dl>`;
}
