import { html } from '../http/html';
import { errorSummary, page, type Viewer } from '../http/layout';
import { londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';
import { type FormState, optionalDateTime, textArea, textInput } from './govuk-controls';
import { noticeText, type SessionItem } from './case-sessions.sections';

const MODES: Record<string, string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };

export interface SessionPageData {
  viewer: Viewer;
  csrf: string;
  caseId: string;
  reference: string;
  session: SessionItem;
  errors?: { href: string; text: string }[];
  /** What was typed in the form the API refused. */
  values?: Record<string, unknown>;
}

/** One booked session: record what happened, move it (the notice rule shown), or cancel it. */
export function sessionPage(data: SessionPageData) {
  const { session: s, csrf, caseId } = data;
  const state: FormState = { values: data.values, errors: data.errors };
  const minutes = String(Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000));
  const action = (verb: string) => `/cases/${caseId}/sessions/${s.id}/${verb}`;
  const rule =
    s.notice?.requiredWorkingDays === null || s.notice?.requiredWorkingDays === undefined
      ? 'This service line has no notice rule.'
      : `This service line needs ${s.notice.requiredWorkingDays} working days’ notice (the booking day not counted, the session day counted), unless the parties agree to less.`;
  return page(
    { title: `${s.sessionTypeLabel} on case ${data.reference}`, viewer: data.viewer, csrf, current: 'work', hasErrors: Boolean(data.errors?.length) },
    html`<a href="/cases/${caseId}" class="govuk-back-link">Back to case ${data.reference}</a>
      ${errorSummary(data.errors ?? [])}
      <span class="govuk-caption-l">Case ${data.reference}</span>
      <h1 class="govuk-heading-l">${s.sessionTypeLabel} ${statusTag(s.status)}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">When</dt>
          <dd class="govuk-summary-list__value">${londonDateTime(s.startsAt)} to ${londonDateTime(s.endsAt)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">How</dt>
          <dd class="govuk-summary-list__value">${MODES[s.mode] ?? s.mode}${s.location ? `, ${s.location}` : ''}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Notice</dt>
          <dd class="govuk-summary-list__value">${noticeText(s.notice)}</dd>
        </div>
      </dl>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form method="post" action="${action('outcome')}" novalidate class="govuk-!-margin-bottom-8" id="record">
            <input type="hidden" name="csrf" value="${csrf}" />
            <div class="govuk-form-group">
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">What happened</h2></legend>
                <div class="govuk-radios" data-module="govuk-radios">
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id="attendance" name="attendance" type="radio" value="held" checked />
                    <label class="govuk-label govuk-radios__label" for="attendance">It was held</label>
                  </div>
                  <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id="attendance-dna" name="attendance" type="radio" value="did-not-attend" />
                    <label class="govuk-label govuk-radios__label" for="attendance-dna">The parties did not attend</label>
                  </div>
                </div>
              </fieldset>
            </div>
            ${optionalDateTime({ dateId: 'heldDate', dateName: 'heldDate', timeId: 'heldTime', timeName: 'heldTime', dateLabel: 'Held on (optional)', timeLabel: 'Held at (optional)', hint: 'London date it was held; leave the date and time empty for its start time. It can be recorded once it has started.' }, state)}
            ${textArea({ id: 'attendanceReason', name: 'attendanceReason', label: 'If they did not attend: who, and what is known' }, state)}
            <button type="submit" class="govuk-button" data-module="govuk-button">Record what happened</button>
          </form>

          <form method="post" action="${action('move')}" novalidate class="govuk-!-margin-bottom-8" id="move">
            <input type="hidden" name="csrf" value="${csrf}" />
            <h2 class="govuk-heading-m">Move it</h2>
            <p class="govuk-body" id="notice-rule">${rule}</p>
            ${textInput({ id: 'date', name: 'date', label: 'New date', hint: 'London date', type: 'date', width: 10, describedBy: 'notice-rule' }, state)}
            ${textInput({ id: 'time', name: 'time', label: 'New start time', hint: '24-hour clock, London time, for example 14:30', width: 5, numeric: true }, state)}
            ${textInput({ id: 'minutes', name: 'minutes', label: 'Length in minutes', width: 3, numeric: true, value: minutes }, state)}
            ${textInput({ id: 'waivedBy', name: 'waivedBy', label: 'Who agreed to less notice (only if they did)', hint: 'For example “Ms A, the parent”' }, state)}
            ${textArea({ id: 'waivedReason', name: 'waivedReason', label: 'Why they agreed' }, state)}
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Move session</button>
          </form>

          <form method="post" action="${action('cancel')}" novalidate id="cancel">
            <input type="hidden" name="csrf" value="${csrf}" />
            <h2 class="govuk-heading-m">Cancel it</h2>
            ${textArea({ id: 'cancelReason', name: 'reason', label: 'Why it is cancelled' }, state)}
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Cancel session</button>
          </form>
        </div>
      </div>`,
  );
}
