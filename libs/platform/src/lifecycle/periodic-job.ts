import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A pass that runs once at start and then every `intervalMs`, never two at once; shutdown waits for
 * the pass in flight, and a failed pass is logged and simply retried on the next tick.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected abstract readonly logger: Logger;
  /** Milliseconds between passes. */
  protected abstract intervalMs(): number;
  /** One pass; resolves when done, rejects when it failed. */
  protected abstract runOnce(): Promise<void>;
  /** What the error log says failed, e.g. "retention run". */
  protected abstract readonly passName: string;

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs());
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error) => this.logger.error({ err: error }, `${this.passName} failed; retried on the next run`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
