import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadSchedulingConfig } from './config/scheduling.config';

async function main() {
  const config = loadSchedulingConfig();
  await runService({ name: 'scheduling', module: AppModule.register(config), port: config.PORT, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, rpc: rpcTransport('scheduling') });
}

main().catch((error) => failBoot('scheduling', error));
