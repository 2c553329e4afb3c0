import { html, type Html } from './html';

type Cell = Html | string;

/**
 * A GOV.UK table: a caption, column headers and one row per item (the first cell a row header when
 * `rowHeaders`); with no rows, the caption becomes a heading over a sentence saying what that means.
 */
export function dataTable(options: {
  caption: string;
  size?: 'm' | 's';
  head: readonly string[];
  rows: readonly (readonly Cell[])[];
  empty: Cell;
  rowHeaders?: boolean;
  /** The table's id (its heading's, when empty): where an error summary can point. */
  id?: string;
}): Html {
  const size = options.size ?? 'm';
  if (options.rows.length === 0)
    return size === 'm'
      ? html`<h2 class="govuk-heading-m" ${options.id ? html`id="${options.id}"` : ''}>${options.caption}</h2>
          <p class="govuk-body">${options.empty}</p>`
      : html`<h3 class="govuk-heading-s govuk-!-margin-bottom-2" ${options.id ? html`id="${options.id}"` : ''}>${options.caption}</h3>
          <p class="govuk-body govuk-!-margin-bottom-6">${options.empty}</p>`;
  return html`<table class="govuk-table" ${options.id ? html`id="${options.id}"` : ''}>
    <caption class="govuk-table__caption govuk-table__caption--${size}">
      ${options.caption}
    </caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        ${options.head.map((h) => html`<th scope="col" class="govuk-table__header">${h}</th>`)}
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      ${options.rows.map(
        (cells) =>
          html`<tr class="govuk-table__row">
            ${cells.map((cell, i) =>
              i === 0 && options.rowHeaders ? html`<th scope="row" class="govuk-table__header">${cell}</th>` : html`<td class="govuk-table__cell">${cell}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
