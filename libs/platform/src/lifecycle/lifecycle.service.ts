import { Injectable, Logger } from '@nestjs/common';

/** Shutdown happens in this order, so nothing accepted is lost and nothing is half-done. */
export enum ShutdownPhase {
  StopConsuming = 10,
  FinishInFlight = 20,
  DrainNats = 30,
  CloseWorkers = 40,
  DisconnectDatabase = 50,
  DisconnectRedis = 60,
}

interface Hook {
  phase: ShutdownPhase;
  name: string;
  run: () => Promise<void>;
}

@Injectable()
export class LifecycleService {
  private readonly logger = new Logger('Lifecycle');
  private readonly hooks: Hook[] = [];
  private stopping?: Promise<void>;

  onShutdown(phase: ShutdownPhase, name: string, run: () => Promise<void>): void {
    this.hooks.push({ phase, name, run });
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Runs every hook phase by phase; a hook that fails or hangs is logged and the next phase goes on. */
  shutdown(timeoutMs: number): Promise<void> {
    this.stopping ??= this.runPhases(timeoutMs);
    return this.stopping;
  }

  private async runPhases(timeoutMs: number): Promise<void> {
    const phases = [...new Set(this.hooks.map((h) => h.phase))].sort((a, b) => a - b);
    for (const phase of phases) {
      await Promise.all(
        this.hooks
          .filter((h) => h.phase === phase)
          .map(async (hook) => {
            let timer: NodeJS.Timeout | undefined;
            try {
              await Promise.race([
                hook.run(),
                new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs))),
              ]);
              this.logger.log(`shutdown: ${ShutdownPhase[phase]} / ${hook.name} done`);
            } catch (error) {
              this.logger.error(`shutdown: ${ShutdownPhase[phase]} / ${hook.name} failed: ${(error as Error).message}`);
            } finally {
              clearTimeout(timer);
            }
          }),
      );
    }
  }
}
