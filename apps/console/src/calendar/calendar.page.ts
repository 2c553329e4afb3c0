import { html } from '../http/html';
import { page, type Viewer } from '../http/layout';
import { dataTable } from '../http/table';
import { londonCalendarDay } from '../http/london';
import { statusTag } from '../http/tags';
import { londonDate, londonTime } from '@mediation/calendar';
import type { CalendarWeek } from './calendar-week';

export interface Choice {
  value: string;
  text: string;
  group: 'People' | 'Venues';
}

export interface CalendarSession {
  id: string;
  caseId: string;
  caseReference: string | null;
  sessionTypeLabel: string;
  mode: string;
  venueId: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  staffIds: string[];
  status: string;
}

/** `9:30am` in London. */
function clock(iso: string): string {
  const [h, m] = londonTime(new Date(iso)).split(':').map(Number);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

function where(s: CalendarSession, venueNames: ReadonlyMap<string, string>): string {
  if (s.venueId) return venueNames.get(s.venueId) ?? 'A venue';
  if (s.mode === 'video') return 'By video';
  if (s.mode === 'phone') return 'By phone';
  return s.location ?? 'Place not set';
}

function chooser(choices: readonly Choice[], chosen: Choice | null, monday: string) {
  const group = (name: Choice['group']) => {
    const options = choices.filter((c) => c.group === name);
    return options.length === 0
      ? ''
      : html`<optgroup label="${name}">
          ${options.map((c) => html`<option value="${c.value}" ${c.value === chosen?.value ? html`selected` : ''}>${c.text}</option>`)}
        </optgroup>`;
  };
  return html`<form method="get" action="/calendar" class="govuk-!-margin-bottom-6">
    <input type="hidden" name="week" value="${monday}" />
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for="who">Whose sessions</label>
      <div id="who-hint" class="govuk-hint">Choose a person or a venue.</div>
      <select class="govuk-select" id="who" name="who" aria-describedby="who-hint">
        ${chosen ? '' : html`<option value="" selected>Choose…</option>`} ${group('People')} ${group('Venues')}
      </select>
    </div>
    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show sessions</button>
  </form>`;
}

function day(date: string, sessions: readonly CalendarSession[], staffNames: ReadonlyMap<string, string>, venueNames: ReadonlyMap<string, string>) {
  return dataTable({
    caption: londonCalendarDay(date),
    size: 's',
    head: ['Time', 'Session', 'Case', 'Where', 'Staff', 'Status'],
    rows: sessions.map((s) => [
      `${clock(s.startsAt)} to ${clock(s.endsAt)}`,
      s.sessionTypeLabel,
      html`<a class="govuk-link" href="/cases/${s.caseId}"
        >${s.caseReference ?? html`Open case<span class="govuk-visually-hidden"> of the ${s.sessionTypeLabel}</span>`}</a
      >`,
      where(s, venueNames),
      s.staffIds.map((id) => staffNames.get(id) ?? 'Staff member').join(', '),
      statusTag(s.status),
    ]),
    empty: 'Nothing booked.',
  });
}

export function calendarPage(options: {
  viewer: Viewer;
  csrf: string;
  choices: Choice[];
  chosen: Choice | null;
  week: CalendarWeek;
  sessions: CalendarSession[] | null;
  staffNames: ReadonlyMap<string, string>;
  venueNames: ReadonlyMap<string, string>;
  askedUnknown: boolean;
}) {
  const { week, chosen, sessions } = options;
  const link = (monday: string) => `/calendar?${new URLSearchParams({ ...(chosen ? { who: chosen.value } : {}), week: monday })}`;
  const title = chosen ? `Calendar: ${chosen.text}` : 'Calendar';
  return page(
    { title, viewer: options.viewer, csrf: options.csrf, current: 'calendar' },
    html`<h1 class="govuk-heading-l">${title}</h1>
      ${chooser(options.choices, chosen, week.monday)}
      ${
        options.askedUnknown
          ? html`<p class="govuk-body">That person or venue is not one you can see. Choose one from the list.</p>`
          : options.choices.length === 0
            ? html`<p class="govuk-body">There are no people or venues to show yet. An administrator adds staff and venues.</p>`
            : ''
      }
      <h2 class="govuk-heading-m">Week of ${londonCalendarDay(week.monday)}</h2>
      <nav class="govuk-pagination govuk-pagination--block" aria-label="Weeks">
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href="${link(week.previous)}" rel="prev">
            <span class="govuk-pagination__link-title">Previous week</span>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label">${londonCalendarDay(week.previous)}</span>
          </a>
        </div>
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href="${link(week.next)}" rel="next">
            <span class="govuk-pagination__link-title">Next week</span>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label">${londonCalendarDay(week.next)}</span>
          </a>
        </div>
      </nav>
      ${
        sessions === null
          ? html`<p class="govuk-body">Choose whose sessions to show, then select “Show sessions”.</p>`
          : sessions.length === 0
            ? html`<p class="govuk-body">No sessions are booked for ${chosen?.text ?? ''} in this week. Try the previous or next week.</p>`
            : week.days.map((date) =>
                day(
                  date,
                  sessions.filter((s) => londonDate(new Date(s.startsAt)) === date),
                  options.staffNames,
                  options.venueNames,
                ),
              )
      }`,
  );
}
