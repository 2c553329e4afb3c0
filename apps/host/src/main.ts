import 'reflect-metadata';
import path from 'node:path';
import { failBoot, startTracing, type HostedService, type ServiceHost } from '@mediation/platform';
import { hostedServices, type HostableService } from './hosted-services';

type Start = (hosted: HostedService) => Promise<void>;

/**
 * A service's start (`startCasework` of dist/apps/casework/src/main.js), loaded only when SERVICES names it: a host holds
 * the code of what it runs, no more. By path, not by import: apps never import one another, the host only runs them.
 */
function starterOf(name: HostableService): Start {
  const exportName = `start${name[0].toUpperCase()}${name.slice(1)}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const start = (require(path.join(__dirname, '..', '..', name, 'src', 'main')) as Record<string, unknown>)[exportName];
  if (typeof start !== 'function') throw new Error(`apps/${name}/src/main exports no ${exportName}(hosted) to start it beside other services`);
  return start as Start;
}

/**
 * Several services in one Node process (SERVICES=casework,scheduling,...): each is the same Nest application, with its own
 * connections, consumers, relay, ports and /metrics, as in a process of its own; they share the process's heap, compiled
 * code and event loop. The host owns SIGTERM and SIGINT: it stops every service in order, as each would stop alone, then
 * exits. One service failing to start stops the process, naming it.
 */
async function main() {
  const plans = hostedServices(process.env);
  // One tracing SDK for the process: its spans carry the host's name unless OTEL_SERVICE_NAME says otherwise.
  process.env.OTEL_SERVICE_NAME ??= `host(${plans.map((p) => p.name).join(',')})`;
  const stops: { name: string; stop: (signal: string) => Promise<void> }[] = [];
  const host: ServiceHost = { started: (name, stop) => stops.push({ name, stop }) };
  for (const plan of plans) {
    const start = starterOf(plan.name);
    await start({ host, port: plan.port, metricsPort: plan.metricsPort }).catch((error) => failBoot(plan.name, error));
  }
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Each service drains as it would alone (stop consuming, finish what is in hand, close); they do so side by side.
    await Promise.all(stops.map(({ stop }) => stop(signal).catch(() => undefined)));
    await (await startTracing('host'))?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  // `on`, not `once`: a second signal while the services drain (Ctrl-C reaches the host and its parent) must not end
  // the process with the default action, cutting the drain short.
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  process.on('SIGINT', () => void stopAll('SIGINT'));
}

main().catch((error) => failBoot('host', error));
