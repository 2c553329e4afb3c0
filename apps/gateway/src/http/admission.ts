import { ProblemError, RETRY_AFTER_UNAVAILABLE_SECONDS } from '@mediation/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface AdmissionLimits {
  /** API requests this process works on at once. */
  maxInFlight: number;
  /** How long a request past that waits for a turn before it is refused. */
  queueMs: number;
  /** Requests that wait on purpose (a long poll) and cost nothing meanwhile: not counted, never refused. */
  exempt?: (req: Request) => boolean;
}

interface Waiting {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * The gateway's front door under overload: at most `maxInFlight` API requests in this process at once,
 * the rest in line in arrival order for up to `queueMs`, then a 503 with Retry-After before any work
 * is done. Without it every request is taken and waits, on database connections and on the services,
 * until callers give up on work that then completes anyway; with it an overload is answered at once
 * and what is admitted keeps its latency. Health and docs routes and long polls are not counted.
 */
export function admitWithinCapacity(limits: AdmissionLimits, onRefused?: () => void): RequestHandler {
  let inFlight = 0;
  const line: Waiting[] = [];
  const leave = (waiting: Waiting): boolean => {
    const at = line.indexOf(waiting);
    if (at >= 0) line.splice(at, 1);
    return at >= 0;
  };
  // A finished (or abandoned) request hands its place to the first in line.
  const release = (): void => {
    const next = line.shift();
    if (!next) inFlight -= 1;
    else {
      clearTimeout(next.timer);
      next.admit();
    }
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/v1/') || limits.exempt?.(req)) return next();
    const admit = (): void => {
      res.once('close', release);
      next();
    };
    if (inFlight < limits.maxInFlight) {
      inFlight += 1;
      return admit();
    }
    const waiting: Waiting = {
      admit,
      timer: setTimeout(() => {
        if (!leave(waiting)) return;
        onRefused?.();
        next(
          ProblemError.busy(
            `The gateway is at capacity (${limits.maxInFlight} request${limits.maxInFlight === 1 ? '' : 's'} in progress) and did not start this request after ${limits.queueMs} ms in line; nothing was done. Retry after ${RETRY_AFTER_UNAVAILABLE_SECONDS} s.`,
          ),
        );
      }, limits.queueMs),
    };
    line.push(waiting);
    // A caller that hangs up while in line gives its place up.
    res.once('close', () => {
      if (leave(waiting)) clearTimeout(waiting.timer);
    });
  };
}
