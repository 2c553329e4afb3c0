import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { failBoot, runService } from '@mediation/platform';
import { ConsoleModule } from './app.module';
import { loadConsoleConfig } from './config/console.config';
import { securityHeaders, serveGovukFrontend } from './http/static-assets';

async function main() {
  const config = loadConsoleConfig();
  await runService({
    name: 'console',
    module: ConsoleModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    // Forms are urlencoded; Nest's default parsers read them into req.body.
    configure: (nest) => {
      const app = nest as NestExpressApplication;
      app.set('trust proxy', 'loopback');
      securityHeaders(app.getHttpAdapter().getInstance());
      serveGovukFrontend(app.getHttpAdapter().getInstance());
    },
  });
}

main().catch((error) => failBoot('console', error));
