import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { watchBankHolidayData } from '@mediation/calendar';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './config/intake.config';

async function main() {
  const config = loadIntakeConfig();
  await runService({
    name: 'intake',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('intake'),
    configure: () => watchBankHolidayData(new Logger('Calendar')),
  });
}

main().catch((error) => failBoot('intake', error));
