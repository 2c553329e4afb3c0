import { html, type Html } from '../http/html';

export interface InputOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** `date` for a London date; text otherwise. */
  type?: 'text' | 'date';
  /** A GOV.UK fixed width (`10` for a date, `5` for a time). */
  width?: 3 | 5 | 10;
  numeric?: boolean;
  value?: string;
  /** Another element that describes the field too (a rule stated above the form). */
  describedBy?: string;
}

/** A GOV.UK text input with its label and hint, the hint tied to it for screen readers. */
export function textInput(o: InputOptions): Html {
  const described = [o.hint ? `${o.id}-hint` : '', o.describedBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group">
    <label class="govuk-label" for="${o.id}">${o.label}</label>
    ${o.hint ? html`<div id="${o.id}-hint" class="govuk-hint">${o.hint}</div>` : ''}
    <input
      class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ''}"
      id="${o.id}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      ${o.numeric ? html`inputmode="numeric"` : ''}
      ${o.value !== undefined ? html`value="${o.value}"` : ''}
      ${described ? html`aria-describedby="${described}"` : ''}
    />
  </div>`;
}

/** A GOV.UK table with a caption (hidden when `hideCaption`), its column headers, and its rows already drawn. */
export function govukTable(o: { id: string; caption: string; hideCaption?: boolean; headers: string[]; rows: Html[] }): Html {
  return html`<table class="govuk-table" id="${o.id}">
    <caption class="govuk-table__caption ${o.hideCaption ? 'govuk-visually-hidden' : 'govuk-table__caption--s'}">
      ${o.caption}
    </caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        ${o.headers.map((h) => html`<th scope="col" class="govuk-table__header">${h}</th>`)}
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      ${o.rows}
    </tbody>
  </table>`;
}
