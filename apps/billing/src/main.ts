import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadBillingConfig } from './config/billing.config';

async function main() {
  const config = loadBillingConfig();
  await runService({
    name: 'billing',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    // The gateway asks billing for invoices and positions over NATS request/reply.
    rpc: rpcTransport('billing'),
  });
}

main().catch((error) => failBoot('billing', error));
