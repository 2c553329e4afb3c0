import { html } from './html';

const COLOURS: Record<string, string> = {
  breached: 'red',
  overdue: 'red',
  pending: 'blue',
  met: 'green',
  closed: 'grey',
  paused: 'yellow',
  'awaiting-date': 'yellow',
  cancelled: 'grey',
  passed: 'grey',
  referred: 'light-blue',
  accepted: 'turquoise',
  done: 'green',
  held: 'green',
  'did-not-attend': 'orange',
  sensitive: 'purple',
  replaced: 'grey',
};

/** A GOV.UK tag for a status, its colour saying how urgent it is. */
export function statusTag(status: string) {
  const colour = COLOURS[status];
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${status.replace(/-/g, ' ')}</strong>`;
}
