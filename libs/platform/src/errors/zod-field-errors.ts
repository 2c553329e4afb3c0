import { unstorableTextErrors, type FieldError } from '@mediation/protocol';
import type { z } from 'zod';
import { ProblemError } from './problem.error';

/** Turns zod issues into field errors whose `field` is the dotted path a client sent. */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [base, key].filter(Boolean).join('.'), message: 'is not a known field', code: issue.code }));
    }
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    return [{ field: base || '(body)', message: missing ? 'is required' : issue.message, code: issue.code }];
  });
}

/**
 * Parses input with its schema, or throws a 400 problem naming every bad field. Text no database can
 * keep (a NUL, an unpaired surrogate) is refused first, anywhere in the input, keys included.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.infer<T> {
  const unstorable = unstorableTextErrors(input, prefix);
  if (unstorable.length > 0) throw ProblemError.validation(unstorable, 'The request holds text that cannot be stored; see `errors`.');
  const result = schema.safeParse(input);
  if (!result.success) throw ProblemError.validation(toFieldErrors(result.error, prefix));
  return result.data;
}
