import { londonDate } from '@mediation/calendar';
import { compileForm, type ReferralForm } from '@mediation/protocol';
import type { z } from 'zod';

/**
 * A service line's referral form as a zod schema (libs/protocol's compileForm, shared with scheduling's
 * activity forms), its date rules compared with `now` in London. Parse with it at once (synchronously).
 */
export function compileReferralForm(form: ReferralForm, now: Date): z.ZodObject {
  return compileForm(form, { now, today: londonDate(now) });
}

/** Whether a form asks anything it requires, i.e. whether a referral may leave `answers` out. */
export const hasRequiredFields = (form: ReferralForm): boolean => form.fields.some((f) => f.required);
