import { errorSummary, page } from '../http/layout';
import { html } from '../http/html';

export interface SignInForm {
  organisation?: string;
  email?: string;
}

/** The sign-in form: organisation slug, email, password (the local account of POST /v1/sign-in). */
export function signInPage(options: {
  csrf: string;
  form?: SignInForm;
  errors?: { field: string; text: string }[];
  expired?: boolean;
  /** The organisations' OpenID Connect providers this console is registered with. */
  providers?: readonly { id: string; name: string }[];
}) {
  const errors = options.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const input = (field: 'organisation' | 'email' | 'password', label: string, hint: string, type: string, autocomplete: string) => {
    const error = errorOf(field);
    return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
      <label class="govuk-label" for="${field}">${label}</label>
      <div id="${field}-hint" class="govuk-hint">${hint}</div>
      ${error ? html`<p id="${field}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.text}</p>` : ''}
      <input
        class="govuk-input${error ? ' govuk-input--error' : ''}"
        id="${field}"
        name="${field}"
        type="${type}"
        autocomplete="${autocomplete}"
        spellcheck="false"
        aria-describedby="${field}-hint${error ? ` ${field}-error` : ''}"
        value="${field === 'password' ? '' : (options.form?.[field] ?? '')}"
      />
    </div>`;
  };
  return page(
    { title: 'Sign in', hasErrors: errors.length > 0 },
    html`<div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${errorSummary(errors.map((e) => ({ href: `#${e.field}`, text: e.text })))}
        ${options.expired && errors.length === 0 ? html`<div class="govuk-inset-text">You have been signed out. Sign in again to carry on.</div>` : ''}
        <h1 class="govuk-heading-l">Sign in</h1>
        <form method="post" action="/sign-in" novalidate>
          <input type="hidden" name="csrf" value="${options.csrf}" />
          ${input('organisation', 'Organisation', 'The short name your administrator gave you, for example demo-1a2b3c', 'text', 'organization')}
          ${input('email', 'Email address', 'The address your account was set up with', 'email', 'username')}
          ${input('password', 'Password', 'After 5 wrong passwords in a row you must wait before trying again', 'password', 'current-password')}
          <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
        </form>
        ${options.providers?.length ? providerLinks(options.providers) : ''}
      </div>
    </div>`,
  );
}

/** A link, not a form: the page's CSP allows forms to post only here, and this leaves for the provider. */
function providerLinks(providers: readonly { id: string; name: string }[]) {
  return html`<h2 class="govuk-heading-m">Or sign in with your organisation’s account</h2>
    <p class="govuk-body">If your organisation signs you in with its own account (single sign-on), use its button. You will come back here afterwards.</p>
    ${providers.map(
      (p) =>
        html`<a href="/sign-in/with/${p.id}" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button"
            >Sign in with ${p.name}</a
          ><br />`,
    )}`;
}
