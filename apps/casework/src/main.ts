import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadCaseworkConfig } from './config/casework.config';

/** Starts casework: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startCasework(hosted?: HostedService) {
  const config = loadCaseworkConfig();
  await runService({
    name: 'casework',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('casework'),
  });
}

if (require.main === module) startCasework().catch((error) => failBoot('casework', error));
