import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { failBoot, type HostedService, MetricsService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/gateway.config';
import { recordServedResponses } from './docs/served-responses.recorder';
import { assertOperationIdsUnique, assertRoleScopesTrue, assertRoutesDeclared, discoverRoutes } from './docs/discover-routes';
import { buildOpenApiDocument } from './docs/openapi';
import { admitWithinCapacity } from './http/admission';
import { refuseDeepBodies, refuseUnservedRequests } from './http/request-shape';
import { isEventFeedLongPoll } from './webhooks/events-feed.controller';

/** Starts gateway: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startGateway(hosted?: HostedService) {
  const config = loadGatewayConfig();
  await runService({
    name: 'gateway',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    // JSON only (no form bodies), parsed between the checks that need the raw request and the parsed body.
    bodyParser: false,
    configure: (nest) => {
      const app = nest as NestExpressApplication;
      // Audit and per-IP rate limits need the client's address, not the proxy's.
      app.set('trust proxy', config.TRUST_PROXY);
      const routes = discoverRoutes(app);
      assertRoutesDeclared(routes);
      assertRoleScopesTrue(routes);
      assertOperationIdsUnique(routes);
      if (config.RECORD_RESPONSES_TO) app.use(recordServedResponses(routes, config.RECORD_RESPONSES_TO));
      const metrics = app.get(MetricsService);
      const refused = metrics.counter(
        'gateway_requests_refused_busy_total',
        'API requests refused unstarted (503) after waiting GATEWAY_QUEUE_MS for a place (see gateway_admission_limit)',
      );
      let admissionLimit = config.GATEWAY_MAX_IN_FLIGHT;
      metrics.gauge(
        'gateway_admission_limit',
        'API requests the gateway works on at once now: GATEWAY_MAX_IN_FLIGHT, fewer while the services refuse requests as busy or do not answer in time',
        [],
        (sample) => sample({}, admissionLimit),
      );
      // First, before any body is read: an overload is refused at the cheapest point.
      app.use(
        admitWithinCapacity(
          { maxInFlight: config.GATEWAY_MAX_IN_FLIGHT, queueMs: config.GATEWAY_QUEUE_MS, exempt: isEventFeedLongPoll },
          { refused: () => refused.inc(), limitChanged: (places) => (admissionLimit = places) },
        ),
      );
      app.use(refuseUnservedRequests(routes));
      app.useBodyParser('json', { limit: '100kb' });
      app.use(refuseDeepBodies());
      // Built at the first request for it, not at boot: an idle gateway does not hold the whole document.
      SwaggerModule.setup('docs', app, () => buildOpenApiDocument('1', routes) as unknown as OpenAPIObject, { jsonDocumentUrl: 'docs/openapi.json' });
    },
  });
}

if (require.main === module) startGateway().catch((error) => failBoot('gateway', error));
