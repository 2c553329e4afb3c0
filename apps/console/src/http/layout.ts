import { html, type Html } from './html';

export interface Viewer {
  name: string;
  organisation: string;
  roles: string[];
}

export interface PageOptions {
  title: string;
  viewer?: Viewer;
  /** The hidden form token of the sign-out button (every page a signed-in person sees has one). */
  csrf?: string;
  /** Which navigation link is the current page. */
  current?: 'work' | 'referral' | 'cases' | 'calendar' | 'contracts';
  /** Set when the page shows errors: the title starts "Error:", as the GOV.UK Design System asks. */
  hasErrors?: boolean;
  /** A page that moves straight on (after an OIDC sign-in or sign-out): a same-site navigation, unlike a redirect. */
  refreshTo?: string;
}

/** What the person's roles let them open: a referrer refers, staff work cases, a commissioner reads. */
export function canWorkCases(roles: readonly string[]): boolean {
  return roles.some((r) => ['provider-admin', 'case-manager', 'mediator', 'auditor'].includes(r));
}
export function canRefer(roles: readonly string[]): boolean {
  return roles.some((r) => ['provider-admin', 'case-manager', 'referrer'].includes(r));
}
/** A contract's KPIs and billing: the provider's managers, finance and auditors, and the buyer's officer for their own contracts. */
export function canReadContracts(roles: readonly string[]): boolean {
  return roles.some((r) => ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'].includes(r));
}

function navigation(options: PageOptions): Html {
  const roles = options.viewer?.roles ?? [];
  const links: { key: PageOptions['current']; href: string; text: string; show: boolean }[] = [
    { key: 'work', href: '/', text: 'My work', show: canWorkCases(roles) },
    { key: 'referral', href: '/referrals/new', text: 'New referral', show: canRefer(roles) },
    { key: 'calendar', href: '/calendar', text: 'Calendar', show: canWorkCases(roles) },
    { key: 'contracts', href: '/contracts', text: 'Contracts', show: canReadContracts(roles) },
  ];
  return html`<nav aria-label="Menu" class="govuk-header__navigation">
    <ul id="navigation" class="govuk-header__navigation-list">
      ${links
        .filter((l) => l.show)
        .map(
          (l) =>
            html`<li class="govuk-header__navigation-item${l.key === options.current ? ' govuk-header__navigation-item--active' : ''}">
              <a class="govuk-header__link" href="${l.href}" ${l.key === options.current ? html` aria-current="page"` : ''}>${l.text}</a>
            </li>`,
        )}
    </ul>
  </nav>`;
}

/** The GOV.UK page template: skip link, header, phase banner, main, footer. */
export function page(options: PageOptions, content: Html): Html {
  const viewer = options.viewer;
  return html`<!DOCTYPE html>
    <html lang="en" class="govuk-template govuk-template--rebranded">
      <head>
        <meta charset="utf-8" />
        <title>${options.hasErrors ? 'Error: ' : ''}${options.title} – Mediation console</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        ${options.refreshTo ? html`<meta http-equiv="refresh" content="0; url=${options.refreshTo}" />` : ''}
        <meta name="theme-color" content="#1d70b8" />
        <link rel="icon" sizes="48x48" href="/assets/rebrand/images/favicon.ico" />
        <link rel="stylesheet" href="/stylesheets/govuk-frontend.min.css" />
      </head>
      <body class="govuk-template__body">
        <script src="/javascripts/js-enabled.js"></script>
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <header class="govuk-header" data-module="govuk-header">
          <div class="govuk-header__container govuk-width-container">
            <div class="govuk-header__logo">
              <a href="/" class="govuk-header__link govuk-header__link--homepage"><span class="govuk-header__logotype-text">Mediation console</span></a>
            </div>
            ${viewer ? navigation(options) : ''}
          </div>
        </header>
        <div class="govuk-width-container">
          <div class="govuk-phase-banner">
            <p class="govuk-phase-banner__content">
              <strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
              <span class="govuk-phase-banner__text"
                >${
                  viewer
                    ? html`Signed in as ${viewer.name} (${viewer.roles.join(', ')}), ${viewer.organisation}.
                        <form method="post" action="/sign-out" class="console-inline-form">
                          <input type="hidden" name="csrf" value="${options.csrf ?? ''}" />
                          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2">Sign out</button>
                        </form>`
                    : 'Sign in to work on your cases.'
                }</span
              >
            </p>
          </div>
          <main class="govuk-main-wrapper" id="main-content">${content}</main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <p class="govuk-body-s">All dates and times are London time. The console uses only the platform’s public API.</p>
              </div>
            </div>
          </div>
        </footer>
        <script type="module" src="/javascripts/init.js"></script>
      </body>
    </html>`;
}

/** A GOV.UK error summary linking each message to its field, shown above a form the API refused. */
export function errorSummary(errors: readonly { href: string; text: string }[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${errors.map((e) => html`<li><a href="${e.href}">${e.text}</a></li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}

export function notice(text: string | Html, kind: 'info' | 'success' = 'info'): Html {
  return html`<div
    class="govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}"
    role="${kind === 'success' ? 'alert' : 'region'}"
    aria-labelledby="notice-title"
    data-module="govuk-notification-banner"
  >
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="notice-title">${kind === 'success' ? 'Success' : 'Important'}</h2>
    </div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${text}</p></div>
  </div>`;
}
