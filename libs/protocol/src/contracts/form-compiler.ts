import { z } from 'zod';
import type { FormField, ReferralForm } from './form.schema';

const UK_POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;
const DEFAULT_MAX = { text: 500, longtext: 10_000, email: 320, phone: 30, postcode: 10 } as const;

/** Our wording for a wrong answer; a missing one keeps zod's, which the API turns into "is required". */
const wrong = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message) });

/** A date that must already have happened: a date answer is compared with today's London date, a datetime with now. */
const notAfter = (clock: FormClock) => (answer: string) => (answer.length === 10 ? answer <= clock.today : Date.parse(answer) <= clock.now.getTime());

/** The "now" a compiled form compares dates with (and its London date), set before each use. */
export interface FormClock {
  now: Date;
  /** The London date of `now`, YYYY-MM-DD. */
  today: string;
}

function fieldSchema(field: FormField, now: FormClock): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'longtext': {
      const text = z
        .string()
        .trim()
        .max(field.maxLength ?? DEFAULT_MAX[field.type]);
      return field.required ? text.min(1, 'is required') : text;
    }
    case 'email':
      return z.email(wrong('must be an email address')).max(field.maxLength ?? DEFAULT_MAX.email);
    case 'phone':
      return z
        .string()
        .trim()
        .max(field.maxLength ?? DEFAULT_MAX.phone)
        .regex(PHONE, 'must be a telephone number');
    case 'postcode':
      return z
        .string()
        .trim()
        .max(field.maxLength ?? DEFAULT_MAX.postcode)
        .regex(UK_POSTCODE, 'must be a UK postcode');
    case 'date': {
      const date = z.iso.date(wrong('must be a date (YYYY-MM-DD)'));
      return field.notInFuture ? date.refine(notAfter(now), 'must not be in the future') : date;
    }
    case 'datetime': {
      const datetime = z.iso.datetime({ offset: true, ...wrong('must be a date-time with its offset (ISO 8601)') });
      return field.notInFuture ? datetime.refine(notAfter(now), 'must not be in the future') : datetime;
    }
    case 'number': {
      let number = z.number(wrong('must be a number'));
      if (field.min !== undefined) number = number.min(field.min);
      if (field.max !== undefined) number = number.max(field.max);
      return number;
    }
    case 'boolean':
      return z.boolean(wrong('must be true or false'));
    case 'select': {
      const values = (field.options ?? []).map((o) => o.value);
      return z.enum(values as [string, ...string[]], wrong(`must be one of: ${values.join(', ')}`));
    }
  }
}

/**
 * A form (a service line's referral form, an activity type's form) as a zod schema, built at run time from
 * the contract's data, so answers are validated by the same machinery (and error format) as every other
 * input. Unknown answers are refused: a typo in a key must not silently drop an answer. Its date rules
 * compare with `at` until the next call for the same form: parse with it at once (synchronously).
 */
export function compileForm(form: Pick<ReferralForm, 'fields'>, at: FormClock): z.ZodObject {
  // Building a zod schema costs ~2 ms (zod compiles a parser for each new object schema); a form is
  // built once per version and reused, with the clock its date rules read set for this parse.
  const key = JSON.stringify(form);
  let compiled = COMPILED.get(key);
  if (!compiled) {
    const clock: FormClock = { ...at };
    const shape: Record<string, z.ZodType> = {};
    for (const field of form.fields) shape[field.key] = field.required ? fieldSchema(field, clock) : fieldSchema(field, clock).optional();
    compiled = { clock, schema: z.strictObject(shape) };
    if (COMPILED.size >= MAX_COMPILED) COMPILED.delete(COMPILED.keys().next().value!);
    COMPILED.set(key, compiled);
  }
  compiled.clock.now = at.now;
  compiled.clock.today = at.today;
  return compiled.schema;
}

/** Forms compiled so far, by their definition; bounded, the oldest dropped first. */
const COMPILED = new Map<string, { clock: FormClock; schema: z.ZodObject }>();
const MAX_COMPILED = 500;
