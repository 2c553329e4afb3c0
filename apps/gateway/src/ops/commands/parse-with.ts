import { toFieldErrors } from '@mediation/platform';
import type { z } from 'zod';
import { UsageError } from './command';

/**
 * Checks command-line input with the same protocol schema the service will use, so a mistake is found
 * before anything is booted; each field error is named as the option (or path) to fix.
 */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, name: (field: string) => string = (field) => `--${field}`): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = toFieldErrors(result.error);
  const shown = errors.slice(0, 3).map((e) => `${name(e.field)} ${e.message}`);
  throw new UsageError(`${shown.join('; ')}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}`);
}
