import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService, servicePorts } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadBillingConfig } from './config/billing.config';

/** Starts billing: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startBilling(hosted?: HostedService) {
  const config = loadBillingConfig();
  await runService({
    name: 'billing',
    module: AppModule.register(config),
    ...servicePorts(config, hosted),
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    host: hosted?.host,
    // The gateway asks billing for invoices and positions over NATS request/reply.
    rpc: rpcTransport('billing'),
  });
}

if (require.main === module) startBilling().catch((error) => failBoot('billing', error));
