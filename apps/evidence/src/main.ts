import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadEvidenceConfig } from './config/evidence.config';

async function main() {
  const config = loadEvidenceConfig();
  await runService({
    name: 'evidence',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    rpc: rpcTransport('evidence'),
  });
}

main().catch((error) => failBoot('evidence', error));
