import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadWebhooksConfig } from './config/webhooks.config';

/** Starts webhooks: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startWebhooks(hosted?: HostedService) {
  const config = loadWebhooksConfig();
  await runService({
    name: 'webhooks',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('webhooks'),
  });
}

if (require.main === module) startWebhooks().catch((error) => failBoot('webhooks', error));
