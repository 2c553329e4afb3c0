import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/load-config';
import { METRICS_PORT_OFFSET } from '../config/service-config';
import { ProblemFilter } from '../errors/problem.filter';
import { HealthRegistry } from '../health/health.registry';
import { LifecycleService, ShutdownPhase } from '../lifecycle/lifecycle.service';
import { recordHttpMetrics } from '../metrics/http-metrics';
import { serveMetrics } from '../metrics/metrics-server';
import { MetricsService } from '../metrics/metrics.service';
import { TraceInterceptor } from '../tracing/trace.interceptor';
import { startTracing } from '../tracing/tracing';

export interface RunServiceOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  port: number;
  /** Where /metrics is served: never `port`, so the API's callers do not read the operators' figures. */
  metricsPort: number;
  shutdownTimeoutMs: number;
  /** The NATS request/reply transport, for services that answer the gateway. */
  rpc?: (app: INestApplication) => CustomTransportStrategy;
  /** Nest's default JSON and form parsers; false for a service that registers its own in `configure`. */
  bodyParser?: boolean;
  configure?: (app: INestApplication) => void | Promise<void>;
  /**
   * Given by a host that runs several services in one process (apps/host): it owns SIGTERM, SIGINT and the exit, calls
   * `stop` of each service it started, and may give the service its ports (PORT and METRICS_PORT are one pair per
   * process). Without it the service owns its process and listens on `port` and `metricsPort`.
   */
  hosted?: HostedService;
}

/** What a host that runs several services in one process offers each of them. */
export interface ServiceHost {
  /** Called once the service is up, with how to stop it (in order, as a signal would) without ending the process. */
  started(name: string, stop: (signal: string) => Promise<void>): void;
}

/** A service started by a host: the host, and the ports it gives the service (the service's own when absent). */
export interface HostedService {
  host: ServiceHost;
  port?: number;
  /** Absent: `port` + 6400 when the host gave a port, else the service's own. */
  metricsPort?: number;
}

/** The ports a service listens on: the host's when it gives them, else the service's own. */
function listeningPorts(options: RunServiceOptions): { port: number; metricsPort: number } {
  const hosted = options.hosted;
  if (hosted?.port === undefined) return { port: options.port, metricsPort: hosted?.metricsPort ?? options.metricsPort };
  return { port: hosted.port, metricsPort: hosted.metricsPort ?? hosted.port + METRICS_PORT_OFFSET };
}

/** Boots a service the same way everywhere and stops it in order on SIGTERM or SIGINT. */
export async function runService(options: RunServiceOptions): Promise<INestApplication> {
  const tracing = await startTracing(options.name);
  let app: INestApplication;
  try {
    app = await NestFactory.create(options.module, { bufferLogs: true, bodyParser: options.bodyParser ?? true });
  } catch (error) {
    failBoot(options.name, error);
  }
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemFilter());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  recordHttpMetrics(app, app.get(MetricsService));
  if (tracing) app.useGlobalInterceptors(new TraceInterceptor());
  await options.configure?.(app);
  const lifecycle = app.get(LifecycleService);
  if (options.rpc) {
    const strategy = options.rpc(app) as CustomTransportStrategy & { stopListening?: () => Promise<void> };
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    if (strategy.stopListening) lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'rpc', () => strategy.stopListening!());
  }
  const { port, metricsPort } = listeningPorts(options);
  const server = await app.listen(port);
  lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'http', () => new Promise<void>((resolve) => server.close(() => resolve())));
  const metrics = await serveMetrics(app.get(MetricsService), metricsPort);
  lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'metrics', () => new Promise<void>((resolve) => metrics.close(() => resolve())));
  const logger = app.get(Logger);
  logger.log(`${options.name} listening on :${port}, metrics on :${metricsPort}/metrics`);

  const stop = async (signal: string) => {
    logger.log(`${signal}: shutting down ${options.name}`);
    app.get(HealthRegistry).markShuttingDown();
    await lifecycle.shutdown(options.shutdownTimeoutMs);
    await app.close().catch(() => undefined);
  };
  if (options.hosted) {
    options.hosted.host.started(options.name, stop);
    return app;
  }
  const stopAndExit = async (signal: string) => {
    await stop(signal);
    // The spans of the last requests leave before the process does.
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stopAndExit('SIGTERM'));
  process.once('SIGINT', () => void stopAndExit('SIGINT'));
  return app;
}

/** Stops the process with a message that says what to fix. */
export function failBoot(service: string, error: unknown): never {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n${service} cannot start: ${message}\n\n`);
  process.exit(1);
}
