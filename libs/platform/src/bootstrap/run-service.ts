import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/load-config';
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
  const server = await app.listen(options.port);
  lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'http', () => new Promise<void>((resolve) => server.close(() => resolve())));
  const metrics = await serveMetrics(app.get(MetricsService), options.metricsPort);
  lifecycle.onShutdown(ShutdownPhase.StopConsuming, 'metrics', () => new Promise<void>((resolve) => metrics.close(() => resolve())));
  const logger = app.get(Logger);
  logger.log(`${options.name} listening on :${options.port}, metrics on :${options.metricsPort}/metrics`);

  const stop = async (signal: string) => {
    logger.log(`${signal}: shutting down ${options.name}`);
    app.get(HealthRegistry).markShuttingDown();
    await lifecycle.shutdown(options.shutdownTimeoutMs);
    await app.close().catch(() => undefined);
    // The spans of the last requests leave before the process does.
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return app;
}

/** Stops the process with a message that says what to fix. */
export function failBoot(service: string, error: unknown): never {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n${service} cannot start: ${message}\n\n`);
  process.exit(1);
}
