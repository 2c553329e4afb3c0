import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { currentTraceparent, HealthRegistry, inSpan, LifecycleService, MetricsService, ShutdownPhase, SpanKind, traceContextFrom } from '@mediation/platform';
import { DelayedError, Queue, Worker, type JobsOptions, type Processor } from 'bullmq';
import IORedis from 'ioredis';
import type { z } from 'zod';
import { JOB_CATALOG, type JobDefinition } from './job-catalog';
import { assertJobId } from './job-id';

export interface JobsOptionsConfig {
  redisUrl: string;
  /** Keeps test runs and environments apart in one Redis. */
  namespace: string;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** What a handler may do with its running job: put it back to run again at a later time (same id, not counted as a failure). */
export interface RunningJob {
  runAgainAfter(delayMs: number): Promise<never>;
}

/** How often a process re-declares its job schedulers: they live in Redis, so a flushed Redis loses them until then. */
const SCHEDULER_REFRESH_MS = 5 * 60 * 1000;

export type JobHandlers = Record<string, (data: unknown, jobId: string, job: RunningJob) => Promise<void>>;

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  // A completed or failed job with a deterministic id would block re-adding that id.
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
};

/** Queues and workers with one set of conventions: typed payloads, deterministic ids, orderly close. */
@Injectable()
export class JobsService implements OnModuleInit {
  private readonly logger = new Logger('Jobs');
  private readonly connection: IORedis;
  /** Producers fail fast when Redis is down (the sweepers catch up); only workers wait forever. */
  private readonly producerConnection: IORedis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  /** Each worker's own connection: BullMQ does not close a connection it was given, so shutdown does. */
  private readonly workerConnections: IORedis[] = [];
  /** The schedulers this process declared, re-declared every SCHEDULER_REFRESH_MS and whenever Redis comes back. */
  private readonly schedulers = new Map<string, () => Promise<void>>();
  /** Interval schedulers (sweepers): run once at once when Redis comes back, instead of at their next turn. */
  private readonly sweepers = new Map<string, () => Promise<void>>();
  /** What services put back into Redis when it returns empty-handed, e.g. every pending deadline's alarm. */
  private readonly restorers = new Map<string, () => Promise<unknown>>();
  private connectedOnce = false;
  private restoring?: Promise<void>;
  private schedulerRefresh?: NodeJS.Timeout;

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptionsConfig,
    private readonly health: HealthRegistry,
    private readonly lifecycle: LifecycleService,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    // Workers block on Redis; BullMQ needs maxRetriesPerRequest null to wait instead of failing.
    this.connection = new IORedis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    this.producerConnection = new IORedis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true, enableOfflineQueue: false });
    this.producerConnection.on('error', () => undefined);
  }

  async onModuleInit(): Promise<void> {
    // The first `ready` is the boot's connect; any later one is Redis answering again after an outage.
    this.connection.on('ready', () => {
      if (this.connectedOnce) this.restoring ??= this.redisReturned().finally(() => (this.restoring = undefined));
      this.connectedOnce = true;
    });
    await Promise.all([this.connection.connect(), this.producerConnection.connect()]);
    this.health.register({ name: 'redis', check: async () => void (await this.connection.ping()) });
    this.metrics?.gauge('jobs_queue_depth', 'Jobs in the queues this process works, by queue and state', ['queue', 'state'], async (sample) => {
      for (const worker of this.workers) {
        const counts = await this.queue(worker.name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
        for (const [state, count] of Object.entries(counts)) sample({ queue: worker.name, state }, count);
      }
    });
    this.lifecycle.onShutdown(ShutdownPhase.CloseWorkers, 'bullmq workers', () => {
      clearInterval(this.schedulerRefresh);
      return Promise.all(this.workers.map((w) => w.close())).then(() => undefined);
    });
    this.lifecycle.onShutdown(ShutdownPhase.DisconnectRedis, 'redis', async () => {
      await Promise.all([...this.queues.values()].map((q) => q.close()));
      await Promise.all([this.connection, this.producerConnection, ...this.workerConnections].map((c) => c.quit().catch(() => undefined)));
    });
  }

  get prefix(): string {
    return this.options.namespace ? `bull-${this.options.namespace}` : 'bull';
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producerConnection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<S extends z.ZodType>(definition: JobDefinition<S>, data: z.input<S>, options: JobsOptions & { jobId: string }): Promise<void> {
    assertJobId(options.jobId);
    await this.queue(definition.queue).add(definition.name, definition.schema.parse(data), { ...options, ...traced() });
  }

  /** Many jobs of one kind in one round trip to Redis (an id already queued is kept, as with `add`). */
  async addBulk<S extends z.ZodType>(definition: JobDefinition<S>, jobs: { data: z.input<S>; jobId: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    for (const job of jobs) assertJobId(job.jobId);
    await this.queue(definition.queue).addBulk(
      jobs.map((job) => ({ name: definition.name, data: definition.schema.parse(job.data), opts: { jobId: job.jobId, ...traced() } })),
    );
  }

  /** Re-adds a job under the same id, e.g. a deadline whose due time moved. */
  async replace<S extends z.ZodType>(definition: JobDefinition<S>, data: z.input<S>, options: JobsOptions & { jobId: string }): Promise<void> {
    await this.queue(definition.queue)
      .remove(options.jobId)
      .catch(() => undefined);
    await this.add(definition, data, options);
  }

  /** A repeating job in Europe/London time, kept out of the 01:00-02:00 clock-change hour by its caller. */
  async schedule<S extends z.ZodType>(
    definition: JobDefinition<S>,
    schedulerId: string,
    repeat: { every?: number; pattern?: string },
    /** What each job it makes carries, e.g. the contract a per-contract scheduler drafts invoices for. */
    data: z.input<S> = {} as z.input<S>,
  ): Promise<void> {
    assertJobId(schedulerId);
    const payload = definition.schema.parse(data);
    const upsert = async () =>
      void (await this.queue(definition.queue).upsertJobScheduler(
        schedulerId,
        { ...repeat, ...(repeat.pattern ? { tz: 'Europe/London' } : {}) },
        { name: definition.name, data: payload },
      ));
    await upsert();
    this.schedulers.set(`${definition.queue}/${schedulerId}`, upsert);
    if (repeat.every !== undefined) {
      // A sweeper repeats every few minutes and is idempotent by design: running it early is always safe (a cron job such as a monthly pack is not).
      const runNow = async () =>
        void (await this.queue(definition.queue).add(definition.name, payload, { jobId: assertJobId(`${schedulerId}-now-${Date.now().toString(36)}`) }));
      this.sweepers.set(`${definition.queue}/${schedulerId}`, runNow);
    }
    this.schedulerRefresh ??= setInterval(() => void this.ensureSchedulers(), SCHEDULER_REFRESH_MS).unref();
  }

  /** Runs `restore` whenever Redis answers again after an outage (it may have come back empty): it must be idempotent. */
  onRedisReturn(name: string, restore: () => Promise<unknown>): void {
    this.restorers.set(name, restore);
  }

  /**
   * Redis answers again, perhaps without its data (many run it without persistence): the schedulers are
   * declared again, the sweepers run now rather than at their next turn, and the services put back what
   * only PostgreSQL still knows (alarms). Without this, work waited up to SCHEDULER_REFRESH_MS.
   */
  private async redisReturned(): Promise<void> {
    this.logger.warn('redis is back: declaring the schedulers again, running the sweepers and restoring alarms');
    // The producer connection reconnects on its own schedule; give it a moment to be ready too.
    for (let i = 0; i < 50 && this.producerConnection.status !== 'ready'; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await this.ensureSchedulers();
    for (const [name, runNow] of this.sweepers) await runNow().catch((error: Error) => this.logger.warn(`sweeper ${name}: ${error.message}`));
    for (const [name, restore] of this.restorers) await restore().catch((error: Error) => this.logger.warn(`restoring ${name}: ${error.message}`));
  }

  /** Upserts every scheduler this process declared again (idempotent), so one lost with Redis's data comes back. */
  async ensureSchedulers(): Promise<void> {
    for (const [name, upsert] of this.schedulers) await upsert().catch((error: Error) => this.logger.warn(`scheduler ${name}: ${error.message}`));
  }

  /** Starts a worker for a queue; every job declared for the queue must have a handler, or the boot stops. */
  startWorker(queueName: string, handlers: JobHandlers, concurrency = 8): Worker {
    const declared = JOB_CATALOG.filter((j) => j.queue === queueName);
    const missing = declared.filter((j) => !handlers[j.name]).map((j) => j.name);
    if (declared.length === 0) throw new Error(`queue "${queueName}" has no jobs in the job catalogue`);
    if (missing.length > 0) throw new Error(`queue "${queueName}": no handler for job(s) ${missing.join(', ')}`);
    const processor: Processor = async (job, token) => {
      const definition = declared.find((j) => j.name === job.name);
      if (!definition) throw new Error(`no handler for job ${job.name}`);
      const running: RunningJob = {
        runAgainAfter: async (delayMs) => {
          // BullMQ's way to delay a running job: move it back to delayed, then tell the worker it is not done.
          await job.moveToDelayed(Date.now() + Math.max(0, delayMs), token);
          throw new DelayedError();
        },
      };
      const run = () => handlers[job.name](definition.schema.parse(job.data), job.id ?? '', running);
      // A job set while a request or an event was traced runs as a consumer span of that trace (the alarm of a deadline, an email).
      const traceparent = job.opts.telemetry?.metadata;
      await (traceparent ? inSpan(`job ${queueName}/${job.name}`, { kind: SpanKind.CONSUMER, parent: traceContextFrom(traceparent) }, run) : run());
    };
    const connection = this.connection.duplicate();
    this.workerConnections.push(connection);
    const worker = new Worker(queueName, processor, { connection, prefix: this.prefix, concurrency });
    const failed = this.metrics?.counter('jobs_failed_total', 'Job attempts that threw (each retry counts), by queue and job', ['queue', 'job']);
    const durations = this.metrics?.histogram(
      'jobs_duration_seconds',
      'Time a job ran, by queue and job',
      ['queue', 'job'],
      [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    );
    worker.on('failed', (job, error) => {
      failed?.inc({ queue: queueName, job: job?.name ?? 'unknown' });
      this.logger.warn(`${queueName}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
    });
    worker.on('completed', (job) => {
      if (job.processedOn && job.finishedOn) durations?.observe({ queue: queueName, job: job.name }, (job.finishedOn - job.processedOn) / 1000);
    });
    worker.on('error', (error) => this.logger.warn(`${queueName} worker: ${error.message}`));
    this.workers.push(worker);
    return worker;
  }
}

/** The trace a job continues, kept by BullMQ in the job's telemetry metadata. */
function traced(): Pick<JobsOptions, 'telemetry'> {
  const traceparent = currentTraceparent();
  return traceparent ? { telemetry: { metadata: traceparent, omitContext: false } } : {};
}
