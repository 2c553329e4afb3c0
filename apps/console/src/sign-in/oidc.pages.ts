import { html } from '../http/html';
import { page } from '../http/layout';
import type { OidcSignInError } from './oidc-client';

const ADVICE: Record<OidcSignInError['kind'], string> = {
  state: 'Start again from the sign-in page, in this browser, and finish within ten minutes. Do not use a bookmarked or shared sign-in link.',
  refused: 'If you expected to get in, ask your administrator to check your account here and at your organisation’s sign-in service.',
  provider: 'Try again in a few minutes. If it keeps happening, tell your administrator the time it happened.',
};

/** A sign-in through the provider that stopped: what happened, and what to do now. */
export function oidcProblemPage(error: OidcSignInError) {
  const title = 'Your sign-in could not be finished';
  return page(
    { title },
    html`<h1 class="govuk-heading-l">${title}</h1>
      <p class="govuk-body">${error.message}</p>
      <p class="govuk-body">${ADVICE[error.kind]}</p>
      <a class="govuk-button" data-module="govuk-button" href="/sign-in">Go to the sign-in page</a>`,
  );
}

/** Moves on at once (meta refresh, a same-site navigation); the link is there if refresh is turned off. */
export function continuePage(href: string, provider: string) {
  return page(
    { title: 'Signed in', refreshTo: href },
    html`<h1 class="govuk-heading-l">Signed in with ${provider}</h1>
      <p class="govuk-body"><a class="govuk-link" href="${href}">Continue</a></p>`,
  );
}

/** After sign-out: on to the provider's own sign-out, so the next person at this computer is not signed straight back in. */
export function signedOutPage(endSessionUrl: string, provider: string) {
  return page(
    { title: 'Signed out', refreshTo: endSessionUrl },
    html`<h1 class="govuk-heading-l">You have signed out of the console</h1>
      <p class="govuk-body"><a class="govuk-link" href="${endSessionUrl}">Sign out of ${provider} too</a></p>`,
  );
}
