import type { Answers, ReferralForm, ServiceLine } from './referral.types';

/**
 * Splits answers into those anyone reading the referral may see and the special-category and
 * criminal-offence ones, which are sealed at rest. Without the form, every answer counts as sensitive.
 */
export function splitAnswers(
  answers: Record<string, unknown>,
  form: ReferralForm | undefined,
): { open: Record<string, unknown>; sensitive: Record<string, unknown> } {
  const sensitiveKeys = new Set(form?.fields.filter((f) => f.sensitivity !== 'none').map((f) => f.key));
  const open: Record<string, unknown> = {};
  const sensitive: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (form && !sensitiveKeys.has(key)) open[key] = value;
    else sensitive[key] = value;
  }
  return { open, sensitive };
}

/** The date and datetime answers that are not sensitive, as text: deadline rules count to or from them. */
export function dateAnswers(answers: Answers, form: ReferralForm): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const field of form.fields) {
    const value = answers[field.key];
    if ((field.type === 'date' || field.type === 'datetime') && field.sensitivity === 'none' && typeof value === 'string') dates[field.key] = value;
  }
  return dates;
}

/** The yes/no answers the line's contact permissions read (e.g. `victimContactAllowed`): flags only, for casework's contact rule. */
export function contactAnswers(answers: Answers, line: Pick<ServiceLine, 'partyContact'>): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const { field } of line.partyContact?.permissions ?? []) {
    if (typeof answers[field] === 'boolean') flags[field] = answers[field];
  }
  return flags;
}
