import { PROBLEM_TYPES, type Problem } from '@mediation/protocol';
import { ProblemError } from './problem.error';

/** Whatever was thrown, the problem a caller sees; unknown errors never leak their message. */
export function toProblem(error: unknown): Omit<Problem, 'instance' | 'correlationId'> {
  if (error instanceof ProblemError) return error.problem;
  return {
    type: PROBLEM_TYPES.internal,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side; quote the correlation id to support.',
  };
}
