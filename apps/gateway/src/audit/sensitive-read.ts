import { SetMetadata } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { ProtectedDataCategory } from '@mediation/protocol';
import type { IncomingHttpHeaders } from 'node:http';

export const ACCESS_REASON_HEADER = 'X-Access-Reason';
export const SENSITIVE_READ = 'mediation:sensitive-read';

export interface SensitiveReadSpec {
  /** The kind of resource the route returns, e.g. `referral`. */
  resourceType: string;
  /** What kind of protected data it returns. */
  categories: ProtectedDataCategory[];
}

/**
 * On a route that returns special-category or criminal-offence data (UK GDPR art. 9 and 10): the caller
 * must say why in `X-Access-Reason`, or gets a 400 before anything is read, and every such read is
 * recorded in the audit trail with that reason. A route that only sometimes returns such data uses
 * `SensitiveReadRecorder` instead, once it knows.
 */
export const SensitiveRead = (spec: SensitiveReadSpec) => SetMetadata(SENSITIVE_READ, spec);

/** The reason the reader gave, or a 400 that says what to send. */
export function requireAccessReason(headers: IncomingHttpHeaders): string {
  const given = headers[ACCESS_REASON_HEADER.toLowerCase()];
  const reason = (Array.isArray(given) ? given.join(', ') : (given ?? '')).trim();
  if (reason.length >= 5 && reason.length <= 500) return reason;
  throw ProblemError.validation(
    [{ field: ACCESS_REASON_HEADER, message: reason ? 'must be 5 to 500 characters' : 'is required', code: reason ? 'invalid_length' : 'required' }],
    `This returns special-category or criminal-offence data: say why you need it in the ${ACCESS_REASON_HEADER} header (e.g. "preparing the mediation session for case M-123").`,
  );
}
