import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { watchBankHolidayData } from '@mediation/calendar';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadSchedulingConfig } from './config/scheduling.config';

/** Starts scheduling: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startScheduling(hosted?: HostedService) {
  const config = loadSchedulingConfig();
  await runService({
    name: 'scheduling',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('scheduling'),
    configure: () => watchBankHolidayData(new Logger('Calendar')),
  });
}

if (require.main === module) startScheduling().catch((error) => failBoot('scheduling', error));
