import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadNotifyConfig } from './config/notify.config';

/** Starts notify: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startNotify(hosted?: HostedService) {
  const config = loadNotifyConfig();
  // It reacts to events and runs its delivery jobs; its one RPC answers the gateway's subject-access export.
  await runService({
    name: 'notify',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('notify'),
  });
}

if (require.main === module) startNotify().catch((error) => failBoot('notify', error));
