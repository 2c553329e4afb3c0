import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadBillingConfig } from './config/billing.config';

/** Starts billing: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startBilling(hosted?: HostedService) {
  const config = loadBillingConfig();
  await runService({
    name: 'billing',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    // The gateway asks billing for invoices and positions over NATS request/reply.
    rpc: rpcTransport('billing'),
  });
}

if (require.main === module) startBilling().catch((error) => failBoot('billing', error));
