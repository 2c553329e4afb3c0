import { ProblemError } from '@mediation/platform';

/** A step of the complaints process is dated no earlier than the step before it, and not in the future. */
export function assertStepDate(field: string, at: Date, after: { label: string; at: Date }, now: Date): void {
  if (at.getTime() > now.getTime()) throw ProblemError.validation([{ field, message: 'must not be in the future', code: 'in_future' }]);
  if (at.getTime() < after.at.getTime())
    throw ProblemError.validation([
      { field, message: `must not be before the complaint was ${after.label} (${after.at.toISOString()})`, code: 'out_of_order' },
    ]);
}
