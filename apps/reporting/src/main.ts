import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadReportingConfig } from './config/reporting.config';

/** Starts reporting: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startReporting(hosted?: HostedService) {
  const config = loadReportingConfig();
  await runService({
    name: 'reporting',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('reporting'),
  });
}

if (require.main === module) startReporting().catch((error) => failBoot('reporting', error));
