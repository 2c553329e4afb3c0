import type { FieldError } from './problem.schema';

/**
 * Text PostgreSQL cannot keep: a NUL character (text and JSONB refuse it) or a UTF-16 surrogate without
 * its pair (not a character at all: JSONB refuses it, a text column would silently store U+FFFD).
 * Every body, query and path parameter is walked once, keys of objects included, wherever input is
 * parsed (`parseOrThrow`), so no field anywhere can carry one into a database.
 */
export interface UnstorableText {
  path: (string | number)[];
  code: 'nul_character' | 'unpaired_surrogate';
  message: string;
}

const MAX_REPORTED = 20;
const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units, no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string can be stored as it is: no NUL, no unpaired surrogate. */
export const isStorableText = (text: string): boolean => !text.includes(NUL) && !LONE_SURROGATE.test(text);

function problemOf(text: string): Pick<UnstorableText, 'code' | 'message'> | null {
  if (text.includes(NUL)) return { code: 'nul_character', message: 'must not contain a NUL character (\\u0000)' };
  if (LONE_SURROGATE.test(text))
    return { code: 'unpaired_surrogate', message: 'must not contain an unpaired UTF-16 surrogate (half of a character, e.g. \\ud800)' };
  return null;
}

/** A key as a field name that is itself safe to show and store: the offending characters written as `\uXXXX`. */
export const visibleKey = (key: string): string =>
  isStorableText(key) ? key : [...key].map((c) => (isStorableText(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');

/** A place in the input, linked to its parent so a deep document costs no copied paths. */
interface Place {
  value: unknown;
  key?: string | number;
  parent?: Place;
}

const pathOf = (place: Place): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let p: Place | undefined = place; p?.key !== undefined; p = p.parent) path.unshift(p.key);
  return path;
};

/**
 * Every place in `input` (strings, and the keys of objects) holding unstorable text, breadth first,
 * at most 20. Iterative, so a deeply nested document cannot exhaust the stack.
 */
export function findUnstorableText(input: unknown): UnstorableText[] {
  const found: UnstorableText[] = [];
  const queue: Place[] = [{ value: input }];
  for (let i = 0; i < queue.length && found.length < MAX_REPORTED; i++) {
    const place = queue[i];
    const { value } = place;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) found.push({ path: pathOf(place), ...problem });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => queue.push({ value: item, key: index, parent: place }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key: visibleKey(key), parent: place };
        const problem = problemOf(key);
        if (problem) found.push({ path: pathOf(child), code: problem.code, message: `is a key that ${problem.message}` });
        queue.push(child);
      }
    }
    queue[i] = undefined as unknown as Place; // let what has been walked go
  }
  return found.slice(0, MAX_REPORTED);
}

/** The same, as the field errors of a 400: `field` is the dotted path, after `prefix` (e.g. `answers`). */
export function unstorableTextErrors(input: unknown, prefix = ''): FieldError[] {
  return findUnstorableText(input).map((u) => ({
    field: [prefix, ...u.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: u.message,
    code: u.code,
  }));
}
