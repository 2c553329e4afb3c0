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

/** A form the API refused, drawn again: what the person typed, and the error of each control (by its id). */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: readonly { href: string; text: string }[];
}

/** The label, hint and error message of a control, and the ids that describe it. */
function frame(o: InputOptions, state: FormState) {
  const error = state.errors?.find((e) => e.href === `#${o.id}`)?.text;
  const described = [o.hint ? `${o.id}-hint` : '', error ? `${o.id}-error` : '', o.describedBy ?? ''].filter(Boolean).join(' ');
  const typed = state.values?.[o.name];
  const value = typeof typed === 'string' ? typed : o.value;
  const head = html`<label class="govuk-label" for="${o.id}">${o.label}</label> ${o.hint ? html`<div id="${o.id}-hint" class="govuk-hint">${o.hint}</div>` : ''}
    ${error ? html`<p id="${o.id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}`;
  const areaClass = `govuk-textarea${error ? ' govuk-textarea--error' : ''}`;
  return { error, described, value, head, areaClass, group: `govuk-form-group${error ? ' govuk-form-group--error' : ''}` };
}

/** A GOV.UK text input with its label, hint and error, tied to it for screen readers, keeping what was typed. */
export function textInput(o: InputOptions, state: FormState = {}): Html {
  const f = frame(o, state);
  return html`<div class="${f.group}">
    ${f.head}
    <input
      class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ''}${f.error ? ' govuk-input--error' : ''}"
      id="${o.id}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      ${o.numeric ? html`inputmode="numeric"` : ''}
      ${f.value !== undefined ? html`value="${f.value}"` : ''}
      ${f.described ? html`aria-describedby="${f.described}"` : ''}
    />
  </div>`;
}

/** An optional London date and time, both or neither (the API's instant is made from them in case-forms.ts). */
export function optionalDateTime(
  o: { dateId: string; dateName: string; timeId: string; timeName: string; dateLabel: string; timeLabel: string; hint: string },
  state: FormState = {},
): Html {
  return html`${textInput({ id: o.dateId, name: o.dateName, label: o.dateLabel, hint: o.hint, type: 'date', width: 10 }, state)}
  ${textInput({ id: o.timeId, name: o.timeName, label: o.timeLabel, hint: '24-hour clock, for example 14:30', width: 5, numeric: true }, state)}`;
}

/** A GOV.UK textarea, the same way. */
export function textArea(o: Omit<InputOptions, 'type' | 'width' | 'numeric'> & { rows?: number }, state: FormState = {}): Html {
  const f = frame(o, state);
  return html`<div class="${f.group}">
    ${f.head}
    <textarea class="${f.areaClass}" id="${o.id}" name="${o.name}" rows="${String(o.rows ?? 2)}" ${f.described ? html`aria-describedby="${f.described}"` : ''}>
${f.value ?? ''}</textarea>
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
