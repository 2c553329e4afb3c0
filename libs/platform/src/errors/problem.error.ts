import { PROBLEM_TYPES, type FieldError, type Problem } from '@mediation/protocol';

/** Seconds a caller is told to wait (`Retry-After`) before retrying a 503: a busy, stopped or unreachable service. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = '1';

/** An error that already knows the problem it should become, over HTTP or RPC. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Omit<Problem, 'instance' | 'correlationId'>,
    /** Headers the HTTP answer carries with it, e.g. `Retry-After` on a 409 or 429; they do not travel over RPC. */
    readonly headers: Readonly<Record<string, string>> = {},
    /**
     * Whether it says a service is past its capacity (refused busy, or did not answer in time), as opposed to
     * stopped or wrong: the gateway's admission works on fewer requests at once for it.
     */
    readonly overloaded = false,
  ) {
    super(problem.detail ?? problem.title);
  }

  /** The same problem, answered with these headers too. */
  withHeaders(headers: Record<string, string>): ProblemError {
    return new ProblemError(this.problem, { ...this.headers, ...headers }, this.overloaded);
  }

  static validation(errors: FieldError[], detail = 'The request has invalid fields; see `errors`.'): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.validation, title: 'Invalid request', status: 400, detail, errors });
  }

  static notFound(what: string, id: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: `No ${what} with id ${id} in your organisation.` });
  }

  /** An id in a request body that names nothing in the caller's organisation (another organisation's, or none at all): nothing is stored. */
  static unknownReference(field: string, message: string, code: string): ProblemError {
    return new ProblemError({
      type: PROBLEM_TYPES.unknownReference,
      title: 'Unknown reference',
      status: 422,
      detail: `${field} ${message}.`,
      errors: [{ field, message, code }],
    });
  }

  static conflict(detail: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail });
  }

  static unavailable(detail: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.unavailable, title: 'Service unavailable', status: 503, detail });
  }

  /** 503 for work refused unstarted under overload, with Retry-After (which does not travel over RPC: the gateway adds it again). */
  static busy(detail: string): ProblemError {
    return ProblemError.overloaded(detail).withHeaders({ 'Retry-After': RETRY_AFTER_UNAVAILABLE_SECONDS });
  }

  /** 503 from a service past its capacity (refused busy, or no answer in time): `overloaded` is set. */
  static overloaded(detail: string): ProblemError {
    return new ProblemError(ProblemError.unavailable(detail).problem, {}, true);
  }

  static tooManyRequests(detail: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.tooManyRequests, title: 'Too many requests', status: 429, detail });
  }

  static forbidden(detail: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.forbidden, title: 'Forbidden', status: 403, detail });
  }

  static unauthenticated(detail: string): ProblemError {
    return new ProblemError({ type: PROBLEM_TYPES.unauthenticated, title: 'Unauthenticated', status: 401, detail });
  }
}
