import { Logger } from '@nestjs/common';
import { LifecycleService, ShutdownPhase } from './lifecycle.service';

const TIMEOUT_MS = 50;
const never = () => new Promise<void>(() => undefined);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('LifecycleService shutdown', () => {
  let lifecycle: LifecycleService;
  let logged: { errors: string[]; logs: string[] };

  beforeEach(() => {
    lifecycle = new LifecycleService();
    logged = { errors: [], logs: [] };
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.errors.push(String(message)));
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.logs.push(String(message)));
  });

  afterEach(() => jest.restoreAllMocks());

  it('runs the phases in their fixed order, whatever order the hooks were registered in', async () => {
    const ran: string[] = [];
    const hook = (name: string) => async () => void ran.push(name);
    lifecycle.onShutdown(ShutdownPhase.DisconnectRedis, 'redis', hook('redis'));
    lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'prisma', hook('prisma'));
    lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'consumers', hook('consumers'));
    lifecycle.onShutdown(ShutdownPhase.CloseWorkers, 'workers', hook('workers'));
    lifecycle.onShutdown(ShutdownPhase.DrainNats, 'nats', hook('nats'));
    lifecycle.onShutdown(ShutdownPhase.FinishInFlight, 'in-flight', hook('in-flight'));

    await lifecycle.shutdown(TIMEOUT_MS);

    expect(ran).toEqual(['consumers', 'in-flight', 'nats', 'workers', 'prisma', 'redis']);
  });

  it('starts a phase only when every hook of the previous phase has finished', async () => {
    const ran: string[] = [];
    lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'slow', async () => {
      await sleep(20);
      ran.push('slow done');
    });
    lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'fast', async () => void ran.push('fast done'));
    lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'prisma', async () => void ran.push('prisma'));

    await lifecycle.shutdown(TIMEOUT_MS);

    expect(ran).toEqual(['fast done', 'slow done', 'prisma']);
  });

  it('goes on to the later phases when a hook fails, and logs which hook failed', async () => {
    const later = jest.fn(async () => undefined);
    lifecycle.onShutdown(ShutdownPhase.DrainNats, 'nats', async () => {
      throw new Error('connection reset');
    });
    lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'prisma', later);

    await expect(lifecycle.shutdown(TIMEOUT_MS)).resolves.toBeUndefined();

    expect(later).toHaveBeenCalledTimes(1);
    expect(logged.errors).toEqual([expect.stringMatching(/DrainNats \/ nats failed: connection reset/)]);
  });

  it('goes on when a hook throws synchronously instead of rejecting', async () => {
    const later = jest.fn(async () => undefined);
    lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'consumers', () => {
      throw new Error('not started');
    });
    lifecycle.onShutdown(ShutdownPhase.DisconnectRedis, 'redis', later);

    await lifecycle.shutdown(TIMEOUT_MS);

    expect(later).toHaveBeenCalledTimes(1);
    expect(logged.errors).toEqual([expect.stringMatching(/StopConsuming \/ consumers failed: not started/)]);
  });

  it('gives up on a hook that hangs after the timeout and goes on to the later phases', async () => {
    const later = jest.fn(async () => undefined);
    lifecycle.onShutdown(ShutdownPhase.FinishInFlight, 'in-flight', never);
    lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'prisma', later);

    const started = Date.now();
    await lifecycle.shutdown(TIMEOUT_MS);
    const elapsed = Date.now() - started;

    expect(later).toHaveBeenCalledTimes(1);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(2_000);
    expect(logged.errors).toEqual([expect.stringMatching(new RegExp(`FinishInFlight / in-flight failed: timed out after ${TIMEOUT_MS} ms`))]);
  });

  it('lets the other hooks of the same phase finish when one of them hangs', async () => {
    const sibling = jest.fn(async () => undefined);
    lifecycle.onShutdown(ShutdownPhase.CloseWorkers, 'stuck worker', never);
    lifecycle.onShutdown(ShutdownPhase.CloseWorkers, 'other worker', sibling);

    await lifecycle.shutdown(TIMEOUT_MS);

    expect(sibling).toHaveBeenCalledTimes(1);
    expect(logged.logs).toContainEqual(expect.stringMatching(/CloseWorkers \/ other worker done/));
  });

  it('runs every hook once however many times shutdown is asked for (SIGTERM then SIGINT)', async () => {
    const hook = jest.fn(async () => undefined);
    lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'prisma', hook);

    expect(lifecycle.isStopping).toBe(false);
    const first = lifecycle.shutdown(TIMEOUT_MS);
    const second = lifecycle.shutdown(TIMEOUT_MS);
    expect(lifecycle.isStopping).toBe(true);
    expect(second).toBe(first);
    await Promise.all([first, second]);

    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('completes at once when nothing is registered', async () => {
    await expect(lifecycle.shutdown(TIMEOUT_MS)).resolves.toBeUndefined();
  });
});
