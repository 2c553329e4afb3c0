import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { ConsoleModule } from './app.module';
import { loadConsoleConfig } from './config/console.config';
import { securityHeaders, serveGovukFrontend } from './http/static-assets';

/** Starts console: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startConsole(hosted?: HostedService) {
  const config = loadConsoleConfig();
  await runService({
    name: 'console',
    module: ConsoleModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    // Forms are urlencoded; Nest's default parsers read them into req.body.
    configure: (nest) => {
      const app = nest as NestExpressApplication;
      app.set('trust proxy', 'loopback');
      securityHeaders(app.getHttpAdapter().getInstance());
      serveGovukFrontend(app.getHttpAdapter().getInstance());
    },
  });
}

if (require.main === module) startConsole().catch((error) => failBoot('console', error));
