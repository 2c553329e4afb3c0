import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadWebhooksConfig } from './config/webhooks.config';

async function main() {
  const config = loadWebhooksConfig();
  await runService({
    name: 'webhooks',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('webhooks'),
  });
}

main().catch((error) => failBoot('webhooks', error));
