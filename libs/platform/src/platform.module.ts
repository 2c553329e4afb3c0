import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { MetricsService } from './metrics/metrics.service';
import { Clock, SystemClock } from './time/clock';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface PlatformOptions {
  service: string;
  logLevel: string;
}

/** Health, metrics (served on their own port by runService), logging, clock and shutdown: the same in every service. */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            name: options.service,
            level: options.logLevel,
            autoLogging: false,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            genReqId: (req, res) => {
              const given = req.headers['x-correlation-id'];
              const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Correlation-Id', id);
              return id;
            },
          },
          // The request-scoped logger lives in an AsyncLocalStorage, which on Node 20 hooks every promise of the process
          // once used: an orchestrator's probes would switch it on for good in services that serve no other HTTP.
          exclude: [
            { path: 'health/live', method: RequestMethod.GET },
            { path: 'health/ready', method: RequestMethod.GET },
          ],
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: MetricsService, useValue: new MetricsService(options.service) },
        { provide: Clock, useClass: SystemClock },
        HealthRegistry,
        LifecycleService,
      ],
      exports: [SERVICE_NAME, MetricsService, Clock, HealthRegistry, LifecycleService],
    };
  }
}
