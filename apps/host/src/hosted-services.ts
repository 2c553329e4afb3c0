import { ConfigError } from '@mediation/platform';

/** The services a host can run, in the order it starts them: the gateway first, as a process of its own would be. */
export const HOSTABLE = ['gateway', 'intake', 'casework', 'scheduling', 'evidence', 'billing', 'reporting', 'notify', 'webhooks', 'console'] as const;
export type HostableService = (typeof HOSTABLE)[number];

export interface HostedPlan {
  name: HostableService;
  /** From <SERVICE>_PORT; absent: the service's own default (3000-3009). */
  port?: number;
  /** From <SERVICE>_METRICS_PORT; absent: its port + 6400. */
  metricsPort?: number;
}

const portOf = (env: NodeJS.ProcessEnv, variable: string, problems: string[]): number | undefined => {
  const text = env[variable];
  if (text === undefined || text.trim() === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${variable}: must be a port (1-65535), got "${text}"`);
  return port;
};

/**
 * What SERVICES asks this process to run (`SERVICES=casework,scheduling,notify`), each on <SERVICE>_PORT and
 * <SERVICE>_METRICS_PORT when set. PORT and METRICS_PORT are refused: every service would read the same pair.
 */
export function hostedServices(env: NodeJS.ProcessEnv): HostedPlan[] {
  const problems: string[] = [];
  const listed = (env.SERVICES ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (listed.length === 0) problems.push(`SERVICES: name the services to run in this process, comma-separated, from ${HOSTABLE.join(', ')}`);
  for (const name of listed) {
    if (!(HOSTABLE as readonly string[]).includes(name)) problems.push(`SERVICES: "${name}" is not a service (${HOSTABLE.join(', ')})`);
  }
  const repeated = listed.filter((name, index) => listed.indexOf(name) !== index);
  if (repeated.length)
    problems.push(`SERVICES: ${[...new Set(repeated)].join(', ')} named twice (for more of one service, run replicas: processes of their own)`);
  for (const variable of ['PORT', 'METRICS_PORT']) {
    if (env[variable] !== undefined)
      problems.push(`${variable}: not used by a host, where every service would read it; set <SERVICE>_${variable} for each (e.g. CASEWORK_${variable})`);
  }
  const plans = HOSTABLE.filter((name) => listed.includes(name)).map((name) => {
    const prefix = name.toUpperCase();
    return { name, port: portOf(env, `${prefix}_PORT`, problems), metricsPort: portOf(env, `${prefix}_METRICS_PORT`, problems) };
  });
  if (problems.length) throw new ConfigError(problems);
  return plans;
}
