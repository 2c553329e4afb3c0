/** The parts of a contract's service line the referral form is drawn from (GET /v1/contracts/{id}/referral-form). */
export interface FormFieldDef {
  key: string;
  label: string;
  type: 'text' | 'longtext' | 'date' | 'datetime' | 'email' | 'phone' | 'number' | 'boolean' | 'select' | 'postcode';
  required?: boolean;
  help?: string;
  options?: { value: string; label: string }[];
}
export interface ServiceLineDef {
  key: string;
  name: string;
  referrers?: { who: string; roles: string[] }[];
  form: { fields: FormFieldDef[] };
  consent?: { required: boolean; givenBy: string; basis?: { text?: string } };
}

export const PARTY_SLOTS = 2;
export const CONSENT_METHODS = ['verbal', 'written', 'email', 'online-form'] as const;

/**
 * The form as posted (flat names, `parties.0.name`) to the API's body. Empty answers are left out,
 * so the API's own "is required" names each missing field; no rule is repeated here.
 */
export function toReferralBody(contractId: string, line: ServiceLineDef, form: Record<string, string>, recordedBy: string, now: Date): Record<string, unknown> {
  const text = (name: string) => (form[name] ?? '').trim() || undefined;
  const parties = Array.from({ length: PARTY_SLOTS }, (_, i) => ({
    role: text(`parties.${i}.role`),
    name: text(`parties.${i}.name`),
    email: text(`parties.${i}.email`),
    phone: text(`parties.${i}.phone`),
    consent: text(`parties.${i}.consent`),
    consentMethod: text(`parties.${i}.consentMethod`),
  })).filter((p, i) => i === 0 || p.name || p.email || p.phone);
  const answers: Record<string, unknown> = {};
  for (const field of line.form.fields) {
    const value = text(`answers.${field.key}`);
    if (value === undefined) continue;
    if (field.type === 'number') answers[field.key] = Number.isFinite(Number(value)) ? Number(value) : value;
    else if (field.type === 'boolean') answers[field.key] = value === 'yes';
    else answers[field.key] = value;
  }
  const consent = parties
    .filter((p) => p.consent === 'yes' && p.name)
    .map((p) => ({ givenBy: p.name!, relationship: p.role ?? 'party', givenAt: now.toISOString(), method: p.consentMethod ?? 'verbal', recordedBy }));
  return {
    contractId,
    serviceLine: line.key,
    ...(text('externalReference') ? { externalReference: text('externalReference') } : {}),
    referrer: {
      name: text('referrer.name'),
      email: text('referrer.email'),
      ...(text('referrer.organisation') ? { organisation: text('referrer.organisation') } : {}),
    },
    ...(text('referrerType') ? { referrerType: text('referrerType') } : {}),
    parties: parties.map((p) => ({ role: p.role, name: p.name, ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone: p.phone } : {}) })),
    summary: text('summary'),
    ...(Object.keys(answers).length ? { answers } : {}),
    ...(consent.length ? { consent } : {}),
  };
}

/** The id of the control an API field error names: `parties.0.name` is `parties-0-name`; `consent` the first consent box. */
export function fieldId(field: string): string {
  if (field === 'consent' || field.startsWith('consent.')) return 'parties-0-consent';
  if (field === 'parties') return 'parties-0-name';
  return field.replace(/[^A-Za-z0-9]+/g, '-');
}
