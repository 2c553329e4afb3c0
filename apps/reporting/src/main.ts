import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadReportingConfig } from './config/reporting.config';

async function main() {
  const config = loadReportingConfig();
  await runService({
    name: 'reporting',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('reporting'),
  });
}

main().catch((error) => failBoot('reporting', error));
