import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { watchBankHolidayData } from '@mediation/calendar';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './config/intake.config';

/** Starts intake: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startIntake(hosted?: HostedService) {
  const config = loadIntakeConfig();
  await runService({
    name: 'intake',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('intake'),
    configure: () => watchBankHolidayData(new Logger('Calendar')),
  });
}

if (require.main === module) startIntake().catch((error) => failBoot('intake', error));
