import { summaryRow } from '../cases/case.page';
import { optionalDateTime } from '../cases/govuk-controls';
import { html } from '../http/html';
import { errorSummary, page, type Viewer } from '../http/layout';
import { londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';

export interface ComplaintItem {
  id: string;
  status: string;
  complainant: string;
  summary: string;
  receivedAt: string;
  acknowledgedAt: string | null;
  acknowledgeBy: string | null;
  overdue: boolean;
}

export interface AcknowledgeComplaintData {
  viewer: Viewer;
  csrf: string;
  caseId: string;
  reference: string;
  complaint: ComplaintItem;
  errors?: { href: string; text: string }[];
  values?: Record<string, unknown>;
}

/** The form (or, once acknowledged, the sentence saying so) an error summary without a field points at. */
export const ACKNOWLEDGE_FORM = 'acknowledge';

/**
 * Acknowledging a complaint, reached from My work: which complaint (on whose case, received when, due
 * when), then when the complainant was told it was received, London time, empty meaning just now.
 */
export function acknowledgeComplaintPage(data: AcknowledgeComplaintData) {
  const { complaint: c } = data;
  return page(
    {
      title: `Acknowledge a complaint on case ${data.reference}`,
      viewer: data.viewer,
      csrf: data.csrf,
      current: 'work',
      hasErrors: Boolean(data.errors?.length),
    },
    html`<a href="/" class="govuk-back-link">Back to My work</a>
      ${errorSummary(data.errors ?? [])}
      <span class="govuk-caption-l">Case ${data.reference}</span>
      <h1 class="govuk-heading-l">Acknowledge a complaint</h1>
      <dl class="govuk-summary-list">
        ${summaryRow('Case', html`<a class="govuk-link" href="/cases/${data.caseId}">${data.reference}</a>`)} ${summaryRow('Who complains', c.complainant)}
        ${summaryRow('What it is about', c.summary)} ${summaryRow('Received', londonDateTime(c.receivedAt))}
        ${summaryRow('Acknowledge by', html`${c.acknowledgeBy ? londonDateTime(c.acknowledgeBy) : 'No date set by the line’s policy'} ${c.overdue && c.status === 'received' ? statusTag('overdue') : ''}`)}
      </dl>
      ${
        c.status !== 'received'
          ? html`<p class="govuk-body" id="${ACKNOWLEDGE_FORM}">
              This complaint was acknowledged${c.acknowledgedAt ? ` on ${londonDateTime(c.acknowledgedAt)}` : ''}.
              <a class="govuk-link" href="/">Go back to My work</a>.
            </p>`
          : html`<form method="post" action="/work/cases/${data.caseId}/complaints/${c.id}/acknowledge" id="${ACKNOWLEDGE_FORM}" novalidate>
              <input type="hidden" name="csrf" value="${data.csrf}" />
              <h2 class="govuk-heading-m">When was the complainant told it was received?</h2>
              ${optionalDateTime(
                {
                  dateId: 'acknowledged-date',
                  dateName: 'acknowledgedDate',
                  timeId: 'acknowledged-time',
                  timeName: 'acknowledgedTime',
                  dateLabel: 'Date (optional)',
                  timeLabel: 'Time (optional)',
                  hint: 'London date and time, not before it was received. Leave both empty if you told them just now.',
                },
                data,
              )}
              <div class="govuk-button-group">
                <button type="submit" class="govuk-button" data-module="govuk-button">Acknowledge complaint</button>
                <a class="govuk-link" href="/">Cancel</a>
              </div>
            </form>`
      }`,
  );
}
