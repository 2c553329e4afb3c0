import { atLondonTime } from '@mediation/calendar';
import { GatewayProblem } from '../gateway/gateway.client';

/**
 * Forms of the Case page -> the /v1 bodies they send. Only what the API cannot read from a form is done
 * here (a London date and time become an instant; an empty optional answer is left out so the API names
 * what is missing); every rule stays the API's.
 */
export type Form = Record<string, string | string[] | undefined>;

const text = (form: Form, key: string): string => {
  const value = form[key];
  return (Array.isArray(value) ? value.join(' ') : (value ?? '')).trim();
};
const optional = (form: Form, key: string) => (text(form, key) ? { [key]: text(form, key) } : {});

type FieldError = { field: string; message: string };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

function refuse(errors: (FieldError | false)[]): void {
  const found = errors.filter((e): e is FieldError => Boolean(e));
  if (found.length) throw new GatewayProblem(400, { title: 'Check the form', errors: found });
}

/** A London date and wall-clock time and a length, as the API's instants; a bad one is a 400 naming the field, as the API would. */
export function sessionTimes(date: string, time: string, minutes: string): { startsAt: string; endsAt: string } {
  refuse([
    !DATE.test(date) && { field: 'date', message: 'Enter the date, for example 2027-03-27' },
    !TIME.test(time.trim()) && { field: 'time', message: 'Enter the start time, for example 14:30' },
    !(/^\d{1,3}$/.test(minutes.trim()) && Number(minutes) > 0) && { field: 'minutes', message: 'Enter the length in minutes, for example 60' },
  ]);
  const start = atLondonTime(date, time.trim());
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + Number(minutes) * 60_000).toISOString() };
}

/** An optional London date and time (both or neither) as an instant; `field` names the date control in an error. */
export function optionalInstant(form: Form, dateKey: string, timeKey: string): string | undefined {
  const date = text(form, dateKey);
  const time = text(form, timeKey);
  if (!date && !time) return undefined;
  refuse([
    !DATE.test(date) && { field: dateKey, message: 'Enter the date, for example 2027-03-27, or leave the date and time empty' },
    !TIME.test(time) && { field: timeKey, message: 'Enter the time, for example 14:30, or leave the date and time empty' },
  ]);
  return atLondonTime(date, time).toISOString();
}

/** What happened at a session: held (at its start unless a time is given), or the parties did not attend (with what is known). */
export function sessionOutcome(form: Form): { verb: 'hold'; body: { heldAt?: string } } | { verb: 'did-not-attend'; body: { reason: string } } {
  if (text(form, 'attendance') === 'did-not-attend') return { verb: 'did-not-attend', body: { reason: text(form, 'attendanceReason') } };
  const heldAt = optionalInstant(form, 'heldDate', 'heldTime');
  return { verb: 'hold', body: heldAt ? { heldAt } : {} };
}

/** A move to another London date and time; a waiver of the notice rule only when someone is named as agreeing to it. */
export function sessionMove(form: Form): { startsAt: string; endsAt: string; noticeWaived?: { by: string; reason: string } } {
  const times = sessionTimes(text(form, 'date'), text(form, 'time'), text(form, 'minutes'));
  const by = text(form, 'waivedBy');
  return { ...times, ...(by ? { noticeWaived: { by, reason: text(form, 'waivedReason') } } : {}) };
}

export function taskBody(form: Form): { title: string; dueOn: string; assigneeStaffId?: string } {
  return { title: text(form, 'title'), dueOn: text(form, 'dueOn'), ...optional(form, 'assigneeStaffId') };
}

export function noteBody(form: Form): { body: string; sensitive: boolean } {
  return { body: text(form, 'body'), sensitive: text(form, 'sensitive') === 'yes' };
}

/**
 * A certificate issued now, or at the London date and time given; a second one names the current one it
 * replaces and why (the API keeps one current certificate per case).
 */
export function certificateBody(form: Form, now: Date): { kind: string; issuedAt: string; replaces?: { certificateId: string; reason: string } } {
  const issuedAt = optionalInstant(form, 'issuedDate', 'issuedTime') ?? now.toISOString();
  const replacing = text(form, 'replaces');
  return { kind: text(form, 'kind'), issuedAt, ...(replacing ? { replaces: { certificateId: replacing, reason: text(form, 'replacementReason') } } : {}) };
}

/** A court bundle of the ticked exhibits, in the order the page lists them. */
export function bundleBody(form: Form): { title: string; preparedFor?: string; items: string[] } {
  const items = form.items === undefined ? [] : Array.isArray(form.items) ? form.items : [form.items];
  return { title: text(form, 'title'), ...optional(form, 'preparedFor'), items };
}

/** An exhibit's metadata fields as the API reads them: empty ones left out, a London capture date and time as an instant. */
export function evidenceFields(form: Form): Record<string, string> {
  const capturedAt = optionalInstant(form, 'capturedDate', 'capturedTime');
  return {
    kind: text(form, 'kind'),
    description: text(form, 'description'),
    producedBy: text(form, 'producedBy'),
    ...optional(form, 'capturedWhere'),
    ...optional(form, 'source'),
    ...(capturedAt ? { capturedAt } : {}),
  };
}
