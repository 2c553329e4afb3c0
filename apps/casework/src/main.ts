import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadCaseworkConfig } from './config/casework.config';

async function main() {
  const config = loadCaseworkConfig();
  await runService({
    name: 'casework',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('casework'),
  });
}

main().catch((error) => failBoot('casework', error));
