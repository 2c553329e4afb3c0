import { ProblemError } from '@mediation/platform';

/** The problem a piece of work was refused with; fails the test if it succeeded or threw something else. */
export async function problemOf(work: Promise<unknown>): Promise<ProblemError['problem']> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}
