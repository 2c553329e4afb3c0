import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_TYPES, type Problem } from '@mediation/protocol';
import type { Request, Response } from 'express';
import { ProblemError } from './problem.error';
import { toProblem } from './to-problem';

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

/** Every HTTP error leaves as RFC 9457 problem JSON; nothing unexpected becomes a bare 500 page. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const problem: Problem = { ...this.describe(error), instance: req.originalUrl, correlationId: req.id ? String(req.id) : undefined };
    if (problem.status >= 500 && problem.status !== 503) this.logger.error({ err: error, correlationId: problem.correlationId }, 'unhandled error');
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private describe(error: unknown): Omit<Problem, 'instance' | 'correlationId'> {
    if (error instanceof ProblemError) return error.problem;
    const parserError = error as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return { type: PROBLEM_TYPES.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.', errors: [{ field: '(body)', message: 'is not valid JSON', code: 'malformed_json' }] };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const type = status === 404 ? PROBLEM_TYPES.notFound : status === 401 ? PROBLEM_TYPES.unauthenticated : status === 403 ? PROBLEM_TYPES.forbidden : PROBLEM_TYPES.validation;
      return { type, title: error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), status, detail: error.message };
    }
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return { type: PROBLEM_TYPES.validation, title: 'Bad request', status: parserError.status, detail: parserError.message };
    }
    return toProblem(error);
  }
}
