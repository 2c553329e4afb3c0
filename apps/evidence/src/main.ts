import 'reflect-metadata';
import { rpcTransport } from '@mediation/messaging';
import { failBoot, type HostedService, runService } from '@mediation/platform';
import { AppModule } from './app.module';
import { loadEvidenceConfig } from './config/evidence.config';

/** Starts evidence: in a process of its own, or beside other services in a host's (apps/host), which passes itself and the ports. */
export async function startEvidence(hosted?: HostedService) {
  const config = loadEvidenceConfig();
  await runService({
    name: 'evidence',
    module: AppModule.register(config),
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    hosted,
    rpc: rpcTransport('evidence'),
  });
}

if (require.main === module) startEvidence().catch((error) => failBoot('evidence', error));
