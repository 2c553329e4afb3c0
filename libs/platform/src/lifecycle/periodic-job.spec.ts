import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class CountingJob extends PeriodicJob {
  protected readonly logger = new Logger('CountingJob');
  protected readonly passName = 'counting run';
  passes = 0;
  inFlight = 0;
  maxInFlight = 0;
  failNext = false;

  constructor(
    private readonly everyMs: number,
    private readonly passMs: number,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.everyMs;
  }

  protected async runOnce(): Promise<void> {
    this.passes += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await sleep(this.passMs);
    this.inFlight -= 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('boom');
    }
  }
}

describe('PeriodicJob', () => {
  let errors: string[];

  beforeEach(() => {
    errors = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((_context: unknown, message?: unknown) => void errors.push(String(message)));
  });

  afterEach(() => jest.restoreAllMocks());

  it('runs at start and then on the interval, never two passes at once', async () => {
    const job = new CountingJob(5, 20);
    job.onApplicationBootstrap();
    expect(job.passes).toBe(1);
    await sleep(70);
    await job.onApplicationShutdown();
    expect(job.passes).toBeGreaterThanOrEqual(2);
    expect(job.maxInFlight).toBe(1);
  });

  it('shutdown waits for the pass in flight and stops the timer', async () => {
    const job = new CountingJob(5, 30);
    job.onApplicationBootstrap();
    await job.onApplicationShutdown();
    expect(job.inFlight).toBe(0);
    const passes = job.passes;
    await sleep(20);
    expect(job.passes).toBe(passes);
  });

  it('a failed pass is logged under its name and the next tick runs again', async () => {
    const job = new CountingJob(5, 1);
    job.failNext = true;
    job.onApplicationBootstrap();
    await sleep(30);
    await job.onApplicationShutdown();
    expect(errors).toEqual(['counting run failed; retried on the next run']);
    expect(job.passes).toBeGreaterThanOrEqual(2);
  });
});
