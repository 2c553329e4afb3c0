import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadNotifyConfig } from './config/notify.config';

async function main() {
  const config = loadNotifyConfig();
  // It reacts to events and runs its delivery jobs; its one RPC answers the gateway's subject-access export.
  await runService({
    name: 'notify',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('notify'),
  });
}

main().catch((error) => failBoot('notify', error));
