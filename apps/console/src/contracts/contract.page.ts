import { addDaysToDate } from '@mediation/calendar';
import { html } from '../http/html';
import { page, type Viewer } from '../http/layout';
import { dataTable } from '../http/table';
import { londonCalendarDay, londonDateTime } from '../http/london';
import { statusTag } from '../http/tags';
import { monthName, pounds, ragOf, targetText } from './kpi-rag';

/** A contract as GET /v1/contracts lists it (to a commissioner too: only those they are linked to). */
export interface ContractChoice {
  id: string;
  title: string;
  reference: string;
  buyer: string;
  status: string;
}

interface KpiFigure {
  key: string;
  label: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  unit: 'percent' | 'count';
  target: { comparator: string; value: number; unit: string } | null;
  status: 'pass' | 'fail' | 'no-data' | 'no-target';
}

export interface ContractPageData {
  viewer: Viewer;
  csrf: string;
  id: string;
  contract: { title: string; reference: string; buyer: string } | null;
  month: string;
  months: string[];
  kpis: { from: string | null; to: string | null; kpis: KpiFigure[]; serviceLines: { serviceLine: string; kpis: KpiFigure[] }[]; generatedAt: string };
  billing: {
    contractYear: { from: string; to: string };
    spentThisYearPence: number;
    limit: { kind: 'annual-budget' | 'contract-cap'; pence: number; usedPercent: number; remainingPence: number } | null;
    cases: { used: number; included: number } | null;
    overagePence: number;
    forecast: { yearEndPence: number; growthPercent: number };
    thresholdsCrossed: number[];
  } | null;
  billingRefused: boolean;
  pack: { period: string; issue: number; issuedAt: string } | null;
}

/** On a contract's own page a commissioner cannot read its definition (GET /v1/contracts/{id}): it is named by the start of its id. */
const nameOf = (c: { id: string; title?: string | null; reference?: string | null }) =>
  c.title ? `${c.title} (${c.reference})` : `Contract ${c.id.slice(0, 8)}`;

export function contractListPage(options: { viewer: Viewer; csrf: string; contracts: ContractChoice[] }) {
  return page(
    { title: 'Contracts', viewer: options.viewer, csrf: options.csrf, current: 'contracts' },
    html`<h1 class="govuk-heading-l">Contracts</h1>
      ${
        options.contracts.length === 0
          ? html`<p class="govuk-body">There are no contracts for you to see. If you expected one, ask the provider’s administrator to link you to it.</p>`
          : html`<p class="govuk-body">Choose a contract to see its KPIs for a month and its billing position.</p>
              <ul class="govuk-list govuk-list--spaced">
                ${options.contracts.map(
                  (c) => html`<li><a class="govuk-link" href="/contracts/${c.id}">${nameOf(c)}</a> for ${c.buyer} ${statusTag(c.status)}</li>`,
                )}
              </ul>`
      }`,
  );
}

function measured(k: KpiFigure): string {
  if (k.value === null) return 'Nothing measured';
  if (k.unit === 'count') return String(k.value);
  return `${k.value}% (${k.numerator} of ${k.denominator})`;
}

function kpiTable(caption: string, kpis: readonly KpiFigure[]) {
  return dataTable({
    caption,
    head: ['KPI', 'This month', 'Target', 'Against target'],
    rowHeaders: true,
    rows: kpis.map((k) => {
      const rag = ragOf(k.status);
      return [k.label, measured(k), targetText(k.target), html`<strong class="govuk-tag govuk-tag--${rag.colour}">${rag.text}</strong>`];
    }),
    empty: 'This line declares no KPIs.',
  });
}

function row(key: string, value: string) {
  return html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt>
    <dd class="govuk-summary-list__value">${value}</dd>
  </div>`;
}

function billingSection(data: ContractPageData) {
  const b = data.billing;
  if (!b)
    return html`<h2 class="govuk-heading-m">Billing position</h2>
      <p class="govuk-body">
        ${data.billingRefused ? 'Your roles do not include billing. Finance and the buyer’s officer see the contract’s spend.' : 'There is no billing position yet.'}
      </p>`;
  return html`<h2 class="govuk-heading-m">Billing position this contract year</h2>
    <p class="govuk-body">From ${londonCalendarDay(b.contractYear.from)} to ${londonCalendarDay(addDaysToDate(b.contractYear.to, -1))}.</p>
    <dl class="govuk-summary-list">
      ${row('Spent this contract year', pounds(b.spentThisYearPence))}
      ${
        b.limit
          ? row(
              b.limit.kind === 'annual-budget' ? 'Annual budget' : 'Contract cap',
              `${pounds(b.limit.pence)}: ${b.limit.usedPercent}% used, ${b.limit.remainingPence < 0 ? `${pounds(-b.limit.remainingPence)} over` : `${pounds(b.limit.remainingPence)} left`}`,
            )
          : row('Budget or cap', 'The contract sets neither')
      }
      ${b.cases ? row('Cases used', `${b.cases.used} of ${b.cases.included} included`) : ''} ${row('Charged above the included cases', pounds(b.overagePence))}
      ${row('Forecast at year end', `${pounds(b.forecast.yearEndPence)} (run rate so far, ${b.forecast.growthPercent}% growth assumed)`)}
      ${row('Thresholds crossed', b.thresholdsCrossed.length ? b.thresholdsCrossed.map((t) => `${t}%`).join(', ') : 'None')}
    </dl>`;
}

export function contractPage(data: ContractPageData) {
  const name = nameOf({ id: data.id, ...data.contract });
  const { kpis } = data;
  return page(
    { title: `${name}: ${monthName(data.month)}`, viewer: data.viewer, csrf: data.csrf, current: 'contracts' },
    html`<span class="govuk-caption-l">${data.contract ? `Buyer: ${data.contract.buyer}` : 'Contract'}</span>
      <h1 class="govuk-heading-l">${name}</h1>
      <form method="get" action="/contracts/${data.id}" class="govuk-!-margin-bottom-6">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="month">Month</label>
          <select class="govuk-select" id="month" name="month">
            ${data.months.map((m) => html`<option value="${m}" ${m === data.month ? html`selected` : ''}>${monthName(m)}</option>`)}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show month</button>
      </form>
      <h2 class="govuk-heading-m">KPIs for ${monthName(data.month)}</h2>
      ${kpis.from && kpis.to ? html`<p class="govuk-body">${londonCalendarDay(kpis.from)} to ${londonCalendarDay(kpis.to)}, as computed ${londonDateTime(kpis.generatedAt)}.</p>` : ''}
      ${
        kpis.kpis.length === 0
          ? html`<p class="govuk-body">This contract declares no KPIs. Its KPIs are set in the contract’s service lines.</p>`
          : html`${kpiTable('The whole contract', kpis.kpis)}
            ${kpis.serviceLines.length > 1 ? kpis.serviceLines.filter((l) => l.kpis.length > 0).map((l) => kpiTable(`Service line: ${l.serviceLine}`, l.kpis)) : ''}`
      }
      <h2 class="govuk-heading-m">Monthly pack</h2>
      ${
        data.pack
          ? html`<p class="govuk-body">
              <a class="govuk-link" href="/contracts/${data.id}/packs/${data.pack.period}" download
                >Download the KPI pack for ${monthName(data.pack.period)} (PDF, issue ${data.pack.issue})</a
              >, issued ${londonDateTime(data.pack.issuedAt)}.
            </p>`
          : html`<p class="govuk-body">
              No pack has been issued for ${monthName(data.month)} yet. Packs are issued after each month ends; a case manager can issue one again from the API.
            </p>`
      }
      ${billingSection(data)}`,
  );
}
