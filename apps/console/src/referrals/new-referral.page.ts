import { PARTY_ROLES } from '@mediation/protocol';
import { html, type Html } from '../http/html';
import { errorSummary, page, type Viewer } from '../http/layout';
import { CONSENT_METHODS, PARTY_SLOTS, fieldId, type FormFieldDef, type ServiceLineDef } from './referral-form';

export interface FieldError {
  field: string;
  message: string;
}

interface Ctx {
  form: Record<string, string>;
  errors: FieldError[];
}

function messageFor(ctx: Ctx, name: string): string | undefined {
  const id = fieldId(name);
  const message = ctx.errors.find((e) => fieldId(e.field) === id)?.message;
  return message === undefined ? undefined : friendly(message);
}

/** One GOV.UK form group: label, hint, error message, then the control. */
function group(ctx: Ctx, name: string, label: string, control: (id: string, describedBy: string, error: boolean) => Html, hint?: string, required?: boolean) {
  const id = fieldId(name);
  const error = messageFor(ctx, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="${id}">${label}${required ? '' : ' (optional)'}</label>
    ${hint ? html`<div id="${id}-hint" class="govuk-hint">${hint}</div>` : ''}
    ${error ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${label} ${error}</p>` : ''}
    ${control(id, describedBy, Boolean(error))}
  </div>`;
}

function input(ctx: Ctx, name: string, label: string, opts: { type?: string; hint?: string; required?: boolean; autocomplete?: string; width?: string } = {}) {
  return group(
    ctx,
    name,
    label,
    (id, describedBy, error) =>
      html`<input
        class="govuk-input${opts.width ? ` govuk-input--width-${opts.width}` : ''}${error ? ' govuk-input--error' : ''}"
        id="${id}"
        name="${name}"
        type="${opts.type ?? 'text'}"
        value="${ctx.form[name] ?? ''}"
        ${describedBy ? html` aria-describedby="${describedBy}"` : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : html` autocomplete="off"`}
      />`,
    opts.hint,
    opts.required,
  );
}

function select(ctx: Ctx, name: string, label: string, options: { value: string; label: string }[], opts: { hint?: string; required?: boolean } = {}) {
  return group(
    ctx,
    name,
    label,
    (id, describedBy, error) =>
      html`<select
        class="govuk-select${error ? ' govuk-select--error' : ''}"
        id="${id}"
        name="${name}"
        ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
      >
        <option value="">Choose</option>
        ${options.map((o) => html`<option value="${o.value}" ${ctx.form[name] === o.value ? ' selected' : ''}>${o.label}</option>`)}
      </select>`,
    opts.hint,
    opts.required,
  );
}

function textarea(ctx: Ctx, name: string, label: string, opts: { hint?: string; required?: boolean } = {}) {
  return group(
    ctx,
    name,
    label,
    (id, describedBy, error) =>
      html`<textarea
        class="govuk-textarea${error ? ' govuk-textarea--error' : ''}"
        id="${id}"
        name="${name}"
        rows="5"
        ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
      >
${ctx.form[name] ?? ''}</textarea>`,
    opts.hint,
    opts.required,
  );
}

/** A field of the service line's own form, drawn from its definition (type, required mark, help). */
function formField(ctx: Ctx, field: FormFieldDef) {
  const name = `answers.${field.key}`;
  const hint = [
    field.help,
    field.type === 'date' ? 'For example, 27 3 2027 typed as 2027-03-27' : '',
    field.type === 'datetime' ? 'For example, 2027-03-27T14:30:00Z' : '',
  ]
    .filter(Boolean)
    .join('. ');
  switch (field.type) {
    case 'longtext':
      return textarea(ctx, name, field.label, { hint: hint || undefined, required: field.required });
    case 'select':
      return select(ctx, name, field.label, field.options ?? [], { hint: hint || undefined, required: field.required });
    case 'boolean':
      return select(
        ctx,
        name,
        field.label,
        [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        { hint: hint || undefined, required: field.required },
      );
    case 'date':
      return input(ctx, name, field.label, { type: 'date', hint, required: field.required, width: '10' });
    case 'email':
      return input(ctx, name, field.label, { type: 'email', hint: hint || undefined, required: field.required });
    case 'phone':
      return input(ctx, name, field.label, { type: 'tel', hint: hint || undefined, required: field.required, width: '20' });
    case 'number':
      return input(ctx, name, field.label, { type: 'text', hint: hint || undefined, required: field.required, width: '5' });
    case 'postcode':
      return input(ctx, name, field.label, { hint: hint || undefined, required: field.required, width: '10' });
    default:
      return input(ctx, name, field.label, { hint: hint || undefined, required: field.required });
  }
}

function party(ctx: Ctx, i: number, line: ServiceLineDef) {
  const consentNeeded = line.consent?.required ? `Consent is needed from: ${line.consent.givenBy.replace(/-/g, ' ')}.` : 'Record consent if it was given.';
  return html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Party ${i + 1}${i === 0 ? '' : ' (optional)'}</legend>
    ${select(
      ctx,
      `parties.${i}.role`,
      'Role',
      PARTY_ROLES.map((r) => ({ value: r, label: r.replace(/-/g, ' ') })),
      { required: i === 0 },
    )}
    ${input(ctx, `parties.${i}.name`, 'Full name', { required: i === 0 })}
    ${input(ctx, `parties.${i}.email`, 'Email address', { type: 'email', hint: 'For surveys and session letters' })}
    ${input(ctx, `parties.${i}.phone`, 'Telephone', { type: 'tel', width: '20' })}
    ${select(
      ctx,
      `parties.${i}.consent`,
      'Has this person consented to the referral?',
      [
        { value: 'yes', label: 'Yes, consent given' },
        { value: 'no', label: 'No, or not asked' },
      ],
      { hint: consentNeeded },
    )}
    ${select(
      ctx,
      `parties.${i}.consentMethod`,
      'How was consent given?',
      CONSENT_METHODS.map((m) => ({ value: m, label: m.replace(/-/g, ' ') })),
    )}
  </fieldset>`;
}

export function newReferralPage(options: {
  viewer: Viewer;
  csrf: string;
  contract: { id: string; title: string };
  line: ServiceLineDef;
  form?: Record<string, string>;
  errors?: FieldError[];
}) {
  const ctx: Ctx = { form: options.form ?? {}, errors: options.errors ?? [] };
  const { line } = options;
  const referrerTypes = [...new Set((line.referrers ?? []).flatMap((r) => r.roles))];
  return page(
    { title: 'New referral', viewer: options.viewer, csrf: options.csrf, current: 'referral', hasErrors: ctx.errors.length > 0 },
    html`<div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${errorSummary(ctx.errors.map((e) => ({ href: `#${fieldId(e.field)}`, text: `${labelOf(e.field, line)} ${friendly(e.message)}` })))}
        <span class="govuk-caption-l">${options.contract.title}</span>
        <h1 class="govuk-heading-l">New referral: ${line.name}</h1>
        <form method="post" action="/referrals/new?contract=${options.contract.id}&amp;line=${line.key}" novalidate>
          <input type="hidden" name="csrf" value="${options.csrf}" />
          <h2 class="govuk-heading-m">Who is referring</h2>
          ${input(ctx, 'referrer.name', 'Referring officer’s name', { required: true, autocomplete: 'name' })}
          ${input(ctx, 'referrer.email', 'Referring officer’s email address', { type: 'email', required: true, hint: 'The acknowledgement and the case report go here', autocomplete: 'email' })}
          ${input(ctx, 'referrer.organisation', 'Organisation', { autocomplete: 'organization' })}
          ${
            referrerTypes.length
              ? select(
                  ctx,
                  'referrerType',
                  'Kind of referrer',
                  referrerTypes.map((r) => ({ value: r, label: r.replace(/-/g, ' ') })),
                  { required: true, hint: (line.referrers ?? []).map((r) => r.who).join('; ') },
                )
              : ''
          }
          ${input(ctx, 'externalReference', 'Their reference', { hint: 'A claim number, police reference or EHC plan reference' })}
          <h2 class="govuk-heading-m">The dispute</h2>
          ${textarea(ctx, 'summary', 'What the dispute is about', { required: true, hint: 'In the referrer’s words' })}
          ${line.form.fields.map((f) => formField(ctx, f))}
          <h2 class="govuk-heading-m">The people involved</h2>
          ${Array.from({ length: PARTY_SLOTS }, (_, i) => party(ctx, i, line))}
          <button type="submit" class="govuk-button" data-module="govuk-button">Send referral</button>
        </form>
      </div>
    </div>`,
  );
}

/** The label a person sees for an API field name, so the error summary reads "Full name is required". */
function labelOf(field: string, line: ServiceLineDef): string {
  const answer = /^answers\.(.+)$/.exec(field);
  if (answer) return line.form.fields.find((f) => f.key === answer[1])?.label ?? answer[1];
  const party = /^parties\.(\d+)\.(\w+)$/.exec(field);
  if (party) return `Party ${Number(party[1]) + 1} ${party[2] === 'name' ? 'full name' : party[2]}`;
  const known: Record<string, string> = {
    'referrer.name': 'Referring officer’s name',
    'referrer.email': 'Referring officer’s email address',
    summary: 'What the dispute is about',
    referrerType: 'Kind of referrer',
    consent: 'Consent',
    externalReference: 'Their reference',
  };
  return known[field] ?? field;
}

/** zod's wording for an empty choice, as a person would say it. */
function friendly(message: string): string {
  if (message.startsWith('Invalid option')) return 'must be chosen from the list';
  if (/expected \w+, received undefined/.test(message)) return 'is required';
  return message;
}

export interface ReferralStatusView {
  reference: string;
  caseId: string | null;
  status: string;
  rejection: { reason: string } | null;
}

/**
 * A referral after it was sent: refused with the reason, or a GOV.UK confirmation panel with its
 * reference. Staff move on to the case once it opens; a referrer, who may not open cases, stays here.
 */
export function referralStatus(referral: ReferralStatusView, worksCases: boolean): Html {
  if (referral.status === 'rejected')
    return html`<h1 class="govuk-heading-l">Referral ${referral.reference} was not accepted</h1>
      <p class="govuk-body">${referral.rejection?.reason ?? ''}</p>`;
  return html`<div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">Referral received</h1>
      <div class="govuk-panel__body">Your reference<br /><strong id="referral-reference">${referral.reference}</strong></div>
    </div>
    <p class="govuk-body" role="status">
      ${
        referral.caseId
          ? 'The provider has opened a case for this referral. Quote the reference if you contact them about it.'
          : worksCases
            ? 'The case is being opened. This page refreshes by itself.'
            : 'The provider is opening a case for it. Quote the reference if you contact them about it.'
      }
    </p>
    <p class="govuk-body"><a class="govuk-link" href="/referrals/new">Make another referral</a></p>`;
}
