import { answerWithProblem, ANSWERED_OVERLOADED, ProblemError, RETRY_AFTER_UNAVAILABLE_SECONDS } from '@mediation/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface AdmissionLimits {
  /** API requests this process works on at once, at most. */
  maxInFlight: number;
  /** How long a request past that waits for a turn before it is refused. */
  queueMs: number;
  /** Requests that wait on purpose (a long poll) and cost nothing meanwhile: not counted, never refused. */
  exempt?: (req: Request) => boolean;
}

/** What the admission tells its owner: a request refused unstarted, and the limit it works to now. */
export interface AdmissionEvents {
  refused?(): void;
  limitChanged?(limit: number): void;
}

/** The fewest places the adaptive limit keeps, so a burst of refusals never shuts the door. */
const FLOOR = 4;
/** Each step down keeps this share of the places, at most once per STEP_DOWN_EVERY_MS. */
const STEP_DOWN = 0.75;
/** One step down per this long, so the refusals of one overload count once, not once each. */
const STEP_DOWN_EVERY_MS = 250;

interface Waiting {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * The gateway's front door under overload: at most `limit` API requests in this process at once, the rest
 * in line in arrival order for up to `queueMs`, then a 503 with Retry-After before any work is done.
 * Without it every request is taken and waits, on database connections and on the services, until callers
 * give up on work that then completes anyway; with it an overload is answered at once and what is admitted
 * keeps its latency. Health and docs routes and long polls are not counted.
 *
 * The limit adapts (additive increase, multiplicative decrease): an admitted request answered with a problem
 * that says a service is past its capacity (refused busy after waiting too long in its queue, or no answer in
 * time: `ProblemError.overloaded`) takes a quarter of the places away, and each request answered otherwise
 * gives back 1/limit of one, up to `maxInFlight`. So when the services behind cannot keep up, the requests
 * they would have queued, then refused after the gateway had authenticated and validated them, wait in this
 * line instead (costing nothing) or are refused here. A stopped service (no responders) is not a sign of
 * overload and shrinks nothing. Latency alone is not a signal either: under a saturated CPU every answer is
 * slow, and shrinking on it cost throughput in the bench.
 */
export function admitWithinCapacity(limits: AdmissionLimits, events: AdmissionEvents = {}): RequestHandler {
  const floor = Math.min(FLOOR, limits.maxInFlight);
  let limit = limits.maxInFlight;
  let steppedDownAt = 0;
  let inFlight = 0;
  const line: Waiting[] = [];
  const leave = (waiting: Waiting): boolean => {
    const at = line.indexOf(waiting);
    if (at >= 0) line.splice(at, 1);
    return at >= 0;
  };
  const places = () => Math.floor(limit);
  const admitFromLine = (): void => {
    while (inFlight < places() && line.length > 0) {
      const next = line.shift()!;
      clearTimeout(next.timer);
      inFlight += 1;
      next.admit();
    }
  };
  const adapt = (res: Response): void => {
    const before = places();
    if (res.locals[ANSWERED_OVERLOADED] === true) {
      const now = Date.now();
      if (now - steppedDownAt < STEP_DOWN_EVERY_MS) return;
      steppedDownAt = now;
      limit = Math.max(floor, limit * STEP_DOWN);
    } else if (res.statusCode < 500) limit = Math.min(limits.maxInFlight, limit + 1 / limit);
    if (places() !== before) events.limitChanged?.(places());
  };
  // A finished (or abandoned) request frees its place; the first in line takes it if the limit allows.
  const release = (res: Response): void => {
    inFlight -= 1;
    // A caller that hung up before its answer says nothing about the services.
    if (res.writableFinished) adapt(res);
    admitFromLine();
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/v1/') || limits.exempt?.(req)) return next();
    const admit = (): void => {
      res.once('close', () => release(res));
      next();
    };
    if (inFlight < places() && line.length === 0) {
      inFlight += 1;
      return admit();
    }
    const waiting: Waiting = {
      admit,
      timer: setTimeout(() => {
        if (!leave(waiting)) return;
        events.refused?.();
        // Answered here rather than passed on with next(error), which walks every route for an error handler:
        // under overload that walk had been a fifth of the gateway's CPU.
        answerWithProblem(
          ProblemError.busy(
            `The gateway is at capacity (${inFlight} request${inFlight === 1 ? '' : 's'} in progress) and did not start this request after ${limits.queueMs} ms in line; nothing was done. Retry after ${RETRY_AFTER_UNAVAILABLE_SECONDS} s.`,
          ),
          req,
          res,
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
