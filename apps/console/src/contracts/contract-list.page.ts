import { html } from '../http/html';
import { page, type Viewer } from '../http/layout';
import { statusTag } from '../http/tags';

export interface ContractRow {
  id: string;
  reference: string;
  title: string;
  buyer: string;
  status: string;
}

/** The contracts the person may read (a commissioner: those linked to them), as GET /v1/contracts lists them. */
export function contractListPage(options: { viewer: Viewer; csrf: string; contracts: readonly ContractRow[] }) {
  const { contracts } = options;
  return page(
    { title: 'Your contracts', viewer: options.viewer, csrf: options.csrf },
    html`<h1 class="govuk-heading-l">Your contracts</h1>
      ${
        contracts.length === 0
          ? html`<p class="govuk-body">You are not linked to any contract yet. Ask the provider’s administrator to link you to the contracts you oversee.</p>`
          : html`<table class="govuk-table" id="contracts">
              <caption class="govuk-table__caption govuk-table__caption--m">
                Contracts you can see
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Contract</th>
                  <th scope="col" class="govuk-table__header">Reference</th>
                  <th scope="col" class="govuk-table__header">Buyer</th>
                  <th scope="col" class="govuk-table__header">Status</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${contracts.map(
                  (c) =>
                    html`<tr class="govuk-table__row" data-contract-id="${c.id}">
                      <td class="govuk-table__cell">${c.title}</td>
                      <td class="govuk-table__cell">${c.reference}</td>
                      <td class="govuk-table__cell">${c.buyer}</td>
                      <td class="govuk-table__cell">${statusTag(c.status)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
