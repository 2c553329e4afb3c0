import { html } from '../http/html';
import { londonDateTime } from '../http/london';
import { govukTable } from './govuk-controls';

/** A court bundle as the API gives it (`BundleViewSchema`): made by `POST /v1/cases/{id}/bundles`, listed by `GET /v1/cases/{id}/bundles`. */
export interface CourtBundle {
  id: string;
  title: string;
  pageCount: number;
  sha256: string;
  index: { exhibitRef: string; description: string; firstPage: number; lastPage: number }[];
  createdBy: string;
  createdAt: string;
  objectDeletedAt: string | null;
}

/**
 * Who made a bundle, as a person reading the page can tell: the API names the maker by actor id
 * (`user:<id>`, `api-key:<id>`), and only administrators may list people, so the viewer is "you" and
 * anyone else is named by what they are.
 */
export function madeBy(createdBy: string, viewerActorId: string): string {
  if (createdBy === viewerActorId) return 'you';
  if (createdBy.startsWith('api-key:')) return 'an API key';
  if (createdBy.startsWith('user:')) return 'another member of staff';
  return 'the platform';
}

/** The case's bundles, newest first, each with its exhibits and a link to download it with a reason; or that there are none yet. */
export function bundleList(caseId: string, bundles: CourtBundle[], viewerActorId: string) {
  const body = bundles.length
    ? govukTable({
        id: 'bundles',
        caption: 'Court bundles of the case, newest first',
        hideCaption: true,
        headers: ['Bundle', 'Made', 'File'],
        rows: bundles.map(
          (b) =>
            html`<tr class="govuk-table__row">
              <td class="govuk-table__cell">
                ${b.title}<br /><span class="govuk-body-s">${b.index.map((i) => i.exhibitRef).join(', ')}; ${String(b.pageCount)} pages</span>
              </td>
              <td class="govuk-table__cell">${londonDateTime(b.createdAt)}<br /><span class="govuk-body-s">by ${madeBy(b.createdBy, viewerActorId)}</span></td>
              <td class="govuk-table__cell">
                ${
                  b.objectDeletedAt
                    ? `Deleted at retention, ${londonDateTime(b.objectDeletedAt)}`
                    : html`<a class="govuk-link" href="/cases/${caseId}/bundles/${b.id}"
                        >Download<span class="govuk-visually-hidden"> the bundle ${b.title}, made ${londonDateTime(b.createdAt)}</span></a
                      >`
                }
              </td>
            </tr>`,
        ),
      })
    : html`<p class="govuk-body" id="no-bundles">No court bundle has been made for this case yet.</p>`;
  return html`<h2 class="govuk-heading-m" id="court-bundles">Court bundles</h2>
    ${body}`;
}

/** One bundle: its pages, when and by whom it was made, its hash and its index. */
export function bundleDetails(b: CourtBundle, viewerActorId: string) {
  return html`<p class="govuk-body">
      ${String(b.pageCount)} pages, made ${londonDateTime(b.createdAt)} by ${madeBy(b.createdBy, viewerActorId)}. SHA-256 <code>${b.sha256}</code>.
    </p>
    ${govukTable({
      id: 'bundle-index',
      caption: 'Index',
      headers: ['Exhibit', 'What it shows', 'Pages'],
      rows: b.index.map(
        (i) =>
          html`<tr class="govuk-table__row">
            <td class="govuk-table__cell">${i.exhibitRef}</td>
            <td class="govuk-table__cell">${i.description}</td>
            <td class="govuk-table__cell">${String(i.firstPage)} to ${String(i.lastPage)}</td>
          </tr>`,
      ),
    })}`;
}
