import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService, servicePorts } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadCaseworkConfig } from './config/casework.config';

/** Starts casework: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startCasework(hosted?: HostedService) {
  const config = loadCaseworkConfig();
  await runService({
    name: 'casework',
    module: AppModule.register(config),
    ...servicePorts(config, hosted),
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    host: hosted?.host,
    rpc: rpcTransport('casework'),
  });
}

if (require.main === module) startCasework().catch((error) => failBoot('casework', error));
