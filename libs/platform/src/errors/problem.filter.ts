import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_TYPES, type Problem } from '@mediation/protocol';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { throwError, type Observable } from 'rxjs';
import { ProblemError } from './problem.error';
import { toProblem } from './to-problem';

/** `res.locals` key set on an answer that says a service is past its capacity (`ProblemError.overloaded`). */
export const ANSWERED_OVERLOADED = 'answeredOverloaded';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

const logger = new Logger('ProblemFilter');

/** Every HTTP error leaves as RFC 9457 problem JSON; nothing unexpected becomes a bare 500 page. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // Over RPC the original error goes back to the transport, which answers with its problem.
    if (host.getType() !== 'http') return throwError(() => error);
    const http = host.switchToHttp();
    answerWithProblem(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/**
 * Answers `error` as problem JSON: what ProblemFilter does for an error a route throws, for Express middleware that
 * answers a request itself instead of passing the error on with `next` (which walks every route left for an error handler).
 */
export function answerWithProblem(error: unknown, req: Request & { id?: unknown }, res: Response): void {
  // A body that fails to parse is refused before the request logger has given it an id.
  const correlationId = req.id ? String(req.id) : randomUUID();
  if (!res.headersSent && !res.getHeader('X-Correlation-Id')) res.setHeader('X-Correlation-Id', correlationId);
  const problem: Problem = { ...describe(error), instance: req.originalUrl, correlationId };
  if (error instanceof ProblemError && !res.headersSent) for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  // For the gateway's admission, which sees only the response (see ANSWERED_OVERLOADED).
  if (error instanceof ProblemError && error.overloaded) res.locals[ANSWERED_OVERLOADED] = true;
  if (problem.status >= 500 && problem.status !== 503) logger.error({ err: error, correlationId: problem.correlationId }, 'unhandled error');
  // A refusal did nothing, so it is not in the audit trail; the log is where an operator finds probing or a misconfigured key.
  if (problem.status === 401 && !res.headersSent) res.setHeader('WWW-Authenticate', bearerChallenge(req));
  if (problem.status === 401 || problem.status === 403)
    logger.warn(
      { method: req.method, path: req.originalUrl, status: problem.status, detail: problem.detail, ip: req.ip, correlationId: problem.correlationId },
      'request refused',
    );
  res.status(problem.status).type('application/problem+json').json(problem);
}

function describe(error: unknown): Omit<Problem, 'instance' | 'correlationId'> {
  if (error instanceof ProblemError) return error.problem;
  const parserError = error as BodyParserError;
  if (isMalformedJson(error)) {
    return {
      type: PROBLEM_TYPES.malformedJson,
      title: 'Malformed JSON',
      status: 400,
      detail: 'The request body is not valid JSON.',
      errors: [{ field: '(body)', message: 'is not valid JSON', code: 'malformed_json' }],
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const type =
      status === 404
        ? PROBLEM_TYPES.notFound
        : status === 401
          ? PROBLEM_TYPES.unauthenticated
          : status === 403
            ? PROBLEM_TYPES.forbidden
            : PROBLEM_TYPES.validation;
    return { type, title: error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), status, detail: error.message };
  }
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return { type: PROBLEM_TYPES.validation, title: 'Bad request', status: parserError.status, detail: parserError.message };
  }
  return toProblem(error);
}

/**
 * RFC 6750 §3: every 401 says how to authenticate; when a token was sent and refused, it says the
 * token is the problem (`invalid_token`), and when none was sent it gives no error code.
 */
function bearerChallenge(req: Request): string {
  return req.headers?.authorization ? 'Bearer realm="mediation", error="invalid_token"' : 'Bearer realm="mediation"';
}

/** body-parser's error, whether Nest hands it over as it is or wrapped in a BadRequestException. */
function isMalformedJson(error: unknown): boolean {
  const candidate = error as BodyParserError & { cause?: BodyParserError };
  if (candidate?.type === 'entity.parse.failed' || candidate?.cause?.type === 'entity.parse.failed') return true;
  return error instanceof HttpException && error.getStatus() === 400 && /JSON/.test(error.message);
}
