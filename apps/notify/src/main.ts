import 'reflect-metadata';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadNotifyConfig } from './config/notify.config';

async function main() {
  const config = loadNotifyConfig();
  // No RPC: notify answers no one; it reacts to events and runs its delivery jobs.
  await runService({ name: 'notify', module: AppModule.register(config), port: config.PORT, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
}

main().catch((error) => failBoot('notify', error));
